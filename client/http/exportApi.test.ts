import { describe, expect, it } from 'vitest';
import type { ExportOptions } from '../export/exportChoice.js';
import { exportUrl } from './exportApi.js';

const options = (changes: Partial<ExportOptions> = {}): ExportOptions => ({
  format: 'docx',
  source: 'approved',
  withComments: false,
  issuer: '',
  date: '2026-12-20',
  omitGuidance: false,
  ...changes,
});
const queryOf = (url: string) => Object.fromEntries(new URL(url, 'http://x').searchParams);

describe('exportUrl', () => {
  it('asks for the format and the content chosen', () => {
    const url = exportUrl('doc1', options());
    expect(url.startsWith('/api/documents/doc1/export?')).toBe(true);
    expect(queryOf(url)).toEqual({ format: 'docx', version: 'approved' });
    expect(queryOf(exportUrl('doc1', options({ format: 'md', source: 'current' })))).toEqual({ format: 'md', version: 'current' });
    expect(queryOf(exportUrl('doc1', options({ format: 'html', source: 'AbCdEfGhIjKlMnOp' })))).toEqual({ format: 'html', version: 'AbCdEfGhIjKlMnOp' });
  });

  it('adds the comments when asked, in any format', () => {
    expect(queryOf(exportUrl('doc1', options({ withComments: true })))).toMatchObject({ comments: '1' });
    expect(queryOf(exportUrl('doc1', options({ format: 'md', withComments: true })))).toMatchObject({ comments: '1' });
  });

  it('adds the signature and its date to Word only, and only with an issuer', () => {
    expect(queryOf(exportUrl('doc1', options({ issuer: ' 菜花坪镇政协联工委 ' })))).toEqual({
      format: 'docx',
      version: 'approved',
      signature: '菜花坪镇政协联工委',
      date: '2026-12-20',
    });
    expect(queryOf(exportUrl('doc1', options({ issuer: '   ' })))).not.toHaveProperty('signature');
    expect(queryOf(exportUrl('doc1', options({ format: 'html', issuer: '菜花坪镇政协联工委' })))).not.toHaveProperty('signature');
  });

  it('asks to leave unfilled guidance out only when chosen, in any format (marking it is the default)', () => {
    expect(queryOf(exportUrl('doc1', options()))).not.toHaveProperty('guidance');
    expect(queryOf(exportUrl('doc1', options({ omitGuidance: true })))).toMatchObject({ guidance: 'omit' });
    expect(queryOf(exportUrl('doc1', options({ format: 'md', omitGuidance: true })))).toMatchObject({ guidance: 'omit' });
  });

  it('encodes Chinese and reserved characters', () => {
    const url = exportUrl('a/b', options({ issuer: '联工委&办公室' }));
    expect(url).toContain('/api/documents/a%2Fb/export?');
    expect(url).not.toContain('联工委');
    expect(queryOf(url).signature).toBe('联工委&办公室');
  });
});
