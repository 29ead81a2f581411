import { describe, expect, it } from 'vitest';
import { afterLoginPath, documentPath, loginPath, matchRoute, sectionOf, sectionPath, threadOf, threadPath } from './routes.js';

describe('matchRoute', () => {
  it('maps the three pages', () => {
    expect(matchRoute('/')).toEqual({ name: 'documents' });
    expect(matchRoute('/login')).toEqual({ name: 'login' });
    expect(matchRoute('/d/abc-123')).toEqual({ name: 'editor', documentId: 'abc-123' });
  });
  it('ignores a trailing slash', () => {
    expect(matchRoute('/login/')).toEqual({ name: 'login' });
    expect(matchRoute('/d/x/')).toEqual({ name: 'editor', documentId: 'x' });
  });
  it('reports anything else as not found', () => {
    expect(matchRoute('/d/')).toEqual({ name: 'notFound' });
    expect(matchRoute('/d/a/b')).toEqual({ name: 'notFound' });
    expect(matchRoute('/settings')).toEqual({ name: 'notFound' });
    expect(matchRoute('/d/%E0%A4%A')).toEqual({ name: 'notFound' });
  });
  it('round-trips document ids through documentPath', () => {
    expect(matchRoute(documentPath('a b/c'))).toEqual({ name: 'editor', documentId: 'a b/c' });
  });
});

describe('login redirects', () => {
  it('remembers the page the user came from', () => {
    expect(loginPath('/d/42')).toBe('/login?next=%2Fd%2F42');
    expect(afterLoginPath('?next=%2Fd%2F42')).toBe('/d/42');
  });
  it('goes to the list when there is nowhere to return to', () => {
    expect(loginPath('/')).toBe('/login');
    expect(afterLoginPath('')).toBe('/');
  });
  it('never sends the user off the site or back to the sign-in page', () => {
    expect(afterLoginPath('?next=https://evil.example/')).toBe('/');
    expect(afterLoginPath('?next=//evil.example/')).toBe('/');
    expect(afterLoginPath('?next=/login')).toBe('/');
  });
});

describe('threadPath', () => {
  it('opens a document at a comment thread, and the page reads which', () => {
    const path = threadPath('doc 1', 'T&x');
    expect(path).toBe('/d/doc%201?thread=T%26x');
    expect(matchRoute(path.split('?')[0])).toEqual({ name: 'editor', documentId: 'doc 1' });
    expect(threadOf(`?${path.split('?')[1]}`)).toBe('T&x');
    expect(threadOf('')).toBeNull();
    expect(threadOf('?thread=')).toBeNull();
  });
});

describe('sectionPath', () => {
  it('opens a document at a section, and the page reads which', () => {
    const path = sectionPath('doc 1', 's&1');
    expect(path).toBe('/d/doc%201?section=s%261');
    expect(matchRoute(path.split('?')[0])).toEqual({ name: 'editor', documentId: 'doc 1' });
    expect(sectionOf(`?${path.split('?')[1]}`)).toBe('s&1');
    expect(sectionOf('?thread=t1')).toBeNull();
  });
});
