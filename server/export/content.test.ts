import { describe, expect, it } from 'vitest';
import { cleanText, findTitle, formatDate, parseContent, safeHref, withoutTrailingBlanks } from './content.js';

describe('parseContent', () => {
  it('reads content of the shared schema', () => {
    const doc = parseContent({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '正文' }] }] });
    expect(doc.textContent).toBe('正文');
  });

  it.each([
    ['an unknown node', { type: 'doc', content: [{ type: 'codeBlock', content: [] }] }],
    ['an unknown mark', { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'code' }] }] }] }],
    ['a node where the schema allows none', { type: 'doc', content: [{ type: 'text', text: 'loose' }] }],
    ['an empty text node', { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '' }] }] }],
    ['a root that is not a doc', { type: 'paragraph' }],
  ])('rejects %s with a clear message', (_name, content) => {
    expect(() => parseContent(content)).toThrow(/Cannot export: the content/);
  });
});

describe('withoutTrailingBlanks', () => {
  const para = (text?: string) => ({ type: 'paragraph', content: text === undefined ? [] : [{ type: 'text', text }] });
  const sign = { type: 'signature', attrs: { issuer: '青山镇政协联工委', date: '2026-12-20' } };
  const names = (content: object[]) =>
    withoutTrailingBlanks(parseContent({ type: 'doc', content } as never))
      .toJSON()
      .content.map((n: { type: string; content?: { text: string }[] }) => n.content?.[0]?.text ?? n.type);

  it('drops the blank paragraphs at the end of the body, around a signature too', () => {
    expect(names([para('正文'), para(), para('  ')])).toEqual(['正文']);
    expect(names([para('正文'), para(), sign, para()])).toEqual(['正文', 'signature']);
  });

  it('keeps blank paragraphs between texts, a line break, and a document that is all blank', () => {
    expect(names([para('一'), para(), para('二')])).toEqual(['一', 'paragraph', '二']);
    expect(names([para('正文'), { type: 'paragraph', content: [{ type: 'hardBreak' }] }])).toEqual(['正文', 'paragraph']);
    expect(names([para(), para()])).toEqual(['paragraph', 'paragraph']);
  });
});

describe('cleanText', () => {
  it('removes what XML cannot hold and keeps tabs, newlines and all other text', () => {
    expect(cleanText('A\u0000B\u0001C\u0008D\u000bE\u000cF\u000dG\u001fH\uFFFEI\uFFFFJ')).toBe('ABCDEFGHIJ');
    expect(cleanText('a\tb\nc')).toBe('a\tb\nc');
    expect(cleanText('lone \uD800 high, lone \uDC00 low, pair \uD83D\uDE00')).toBe('lone  high, lone  low, pair \uD83D\uDE00');
    expect(cleanText('中文〔占位〕—“引号”')).toBe('中文〔占位〕—“引号”');
  });
});

describe('safeHref', () => {
  it('keeps http, https and mailto', () => {
    expect(safeHref('https://example.org/a b')).toBe('https://example.org/a%20b');
    expect(safeHref('HTTP://example.org')).toBe('http://example.org/');
    expect(safeHref('mailto:office@example.org')).toBe('mailto:office@example.org');
  });

  it.each(['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', '/relative', 'ftp://x', '', null, 42])(
    'drops %s',
    (href) => {
      expect(safeHref(href)).toBeNull();
    },
  );
});

describe('findTitle', () => {
  const heading = (text: string | null) => ({ type: 'heading', attrs: { level: 1 }, content: text ? [{ type: 'text', text }] : [] });
  const paragraph = { type: 'paragraph', content: [{ type: 'text', text: '正文' }] };

  it('is the first level-1 heading', () => {
    const doc = parseContent({ type: 'doc', content: [paragraph, heading('标题'), heading('第二个')] });
    expect(findTitle(doc)).toEqual({ node: doc.child(1), useDocumentTitle: false });
  });

  it('is the document title when the body has no level-1 heading, or only an empty one', () => {
    expect(findTitle(parseContent({ type: 'doc', content: [paragraph] }))).toEqual({ node: null, useDocumentTitle: true });
    const doc = parseContent({ type: 'doc', content: [heading(null), paragraph] });
    expect(findTitle(doc)).toEqual({ node: doc.child(0), useDocumentTitle: true });
  });
});

describe('formatDate', () => {
  it('writes the date and time in China', () => {
    expect(formatDate(new Date('2026-12-19T16:05:00Z'))).toBe('2026年12月20日 00:05');
    expect(formatDate(new Date('x'))).toBe('');
  });
});
