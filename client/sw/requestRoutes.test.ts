import { describe, expect, it } from 'vitest';
import { apiReadsOfPage, cacheRouteOf, type RequestFacts } from './requestRoutes.js';

const ORIGIN = 'https://yigao.example';
const get = (path: string, mode: RequestMode = 'cors'): RequestFacts => ({ method: 'GET', mode, url: ORIGIN + path });

describe('cacheRouteOf', () => {
  it('answers page loads of the app routes with the app shell', () => {
    expect(cacheRouteOf(get('/', 'navigate'), ORIGIN)).toBe('appShell');
    expect(cacheRouteOf(get('/d/abc', 'navigate'), ORIGIN)).toBe('appShell');
    expect(cacheRouteOf(get('/login?invite=x', 'navigate'), ORIGIN)).toBe('appShell');
  });

  it('never answers a navigation to a server path with the app', () => {
    expect(cacheRouteOf(get('/api/documents/abc/export', 'navigate'), ORIGIN)).toBeNull();
    expect(cacheRouteOf(get('/healthz', 'navigate'), ORIGIN)).toBeNull();
    expect(cacheRouteOf(get('/sw.js', 'navigate'), ORIGIN)).toBeNull();
  });

  it('serves hashed assets from the cache', () => {
    expect(cacheRouteOf(get('/assets/index-abc123.js', 'no-cors'), ORIGIN)).toBe('asset');
  });

  it('keeps only the session, the document list and one document', () => {
    expect(cacheRouteOf(get('/api/me'), ORIGIN)).toBe('apiRead');
    expect(cacheRouteOf(get('/api/documents'), ORIGIN)).toBe('apiRead');
    expect(cacheRouteOf(get('/api/documents/abc'), ORIGIN)).toBe('apiRead');
    expect(cacheRouteOf(get('/api/documents/abc/members'), ORIGIN)).toBeNull();
    expect(cacheRouteOf(get('/api/documents/abc/content'), ORIGIN)).toBeNull();
    expect(cacheRouteOf(get('/api/invites'), ORIGIN)).toBeNull();
    expect(cacheRouteOf(get('/api/templates'), ORIGIN)).toBeNull();
  });

  it('leaves writes, the socket and other sites alone', () => {
    expect(cacheRouteOf({ method: 'POST', mode: 'cors', url: `${ORIGIN}/api/documents` }, ORIGIN)).toBeNull();
    expect(cacheRouteOf({ method: 'PATCH', mode: 'cors', url: `${ORIGIN}/api/documents/abc` }, ORIGIN)).toBeNull();
    expect(cacheRouteOf(get('/collab/abc?ack=1'), ORIGIN)).toBeNull();
    expect(cacheRouteOf({ method: 'GET', mode: 'cors', url: 'https://elsewhere.example/api/me' }, ORIGIN)).toBeNull();
  });
});

describe('apiReadsOfPage', () => {
  it('lists the cached reads each page makes on load, all of them cached ones', () => {
    expect(apiReadsOfPage('/')).toEqual(['/api/me', '/api/documents']);
    expect(apiReadsOfPage('/d/a%20b')).toEqual(['/api/me', '/api/documents/a%20b']);
    expect(apiReadsOfPage('/login')).toEqual([]);
    for (const path of [...apiReadsOfPage('/'), ...apiReadsOfPage('/d/x')]) expect(cacheRouteOf(get(path), ORIGIN)).toBe('apiRead');
  });
});
