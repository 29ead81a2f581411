// Placement: values the schema does not allow, and elements nested too deep, are refused.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BODY_FRAGMENT } from '../../shared/schema.js';
import { MAX_ELEMENT_DEPTH } from './placement.js';
import { clone, verdict } from './placementTestFixtures.js';

describe('placement: where each item of a change lands', () => {
  it('refuses values the schema does not allow, wherever the change puts them', () => {
    /** The verdict on `make`'s change to a document of a heading, a paragraph and a cell, as the server has it. */
    const at = (make: (parts: { body: Y.XmlFragment; heading: Y.XmlElement; p: Y.XmlElement; text: Y.XmlText; cell: Y.XmlElement }) => void): string => {
      const base = new Y.Doc();
      const body = base.getXmlFragment(BODY_FRAGMENT);
      const heading = new Y.XmlElement('heading');
      const cell = new Y.XmlElement('tableCell');
      const p = new Y.XmlElement('paragraph');
      const text = new Y.XmlText('正文');
      base.transact(() => {
        body.insert(0, [heading, p, cell]);
        heading.setAttribute('level', 2 as unknown as string);
        p.insert(0, [text]);
      });
      const server = clone(base);
      const before = Y.encodeStateVector(base);
      make({ body, heading, p, text, cell });
      return verdict(Y.encodeStateAsUpdate(base, before), server);
    };
    const odd = <T>(value: unknown) => value as T;
    expect(
      at(({ heading }) => heading.setAttribute('level', odd(1e9))),
      'a heading of level 1e9',
    ).toBe('a value heading.level cannot take');
    expect(
      at(({ heading }) => heading.setAttribute('level', odd(3))),
      'a heading of level 3',
    ).toBe('taken');
    expect(
      at(({ cell }) => cell.setAttribute('colspan', odd(1e6))),
      'a cell of colspan 1e6',
    ).toBe('a value tableCell.colspan cannot take');
    expect(
      at(({ cell }) => cell.setAttribute('colwidth', odd(Array(1000).fill(50)))),
      'a thousand widths',
    ).toBe('a value tableCell.colwidth cannot take');
    expect(
      at(({ p }) => p.setAttribute('level', odd(2))),
      'a level on a paragraph',
    ).toBe('an attribute paragraph does not have');
    expect(
      at(({ p }) => p.setAttribute('textAlign', 'sideways')),
      'an alignment nobody has',
    ).toBe('a value paragraph.textAlign cannot take');
    expect(
      at(({ text }) => text.format(0, 2, { link: { href: 'javascript:alert(1)' } })),
      'a script link',
    ).toBe('a value link.href cannot take');
    expect(
      at(({ text }) => text.format(0, 2, { link: { href: 'https://example.cn', onclick: 'x' } })),
      'a link attribute',
    ).toBe('an attribute link does not have');
    expect(
      at(({ text }) => text.format(0, 2, { bold: 'yes' })),
      'a mark value that is no object',
    ).toBe('a value bold cannot take');
    expect(
      at(({ text }) => text.format(0, 2, { link: { href: 'https://example.cn/' } })),
      'a link',
    ).toBe('taken');
    expect(
      at(({ text }) => text.setAttribute('level', '2')),
      'attributes on text',
    ).toBe('an attribute where the document has none');
    expect(
      at(({ body }) => body.insert(0, [new Y.XmlText('裸露的字')])),
      'text straight in the body',
    ).toBe('the body holds only elements');
    expect(
      at(({ text }) => text.insertEmbed(0, { image: 'x' })),
      'an embed in text',
    ).toBe('content the document cannot hold');
    expect(
      at(({ text }) => text.insertEmbed(0, new Y.XmlElement('paragraph'))),
      'an element in text',
    ).toBe('a text holds only characters and marks');
    expect(
      at(({ p }) => p.insert(0, [new Y.XmlElement('paragraph')])),
      'an element in an element',
    ).toBe('taken');
    const signature =
      (attrs: Record<string, unknown>) =>
      ({ body }: { body: Y.XmlFragment }) => {
        const block = new Y.XmlElement('signature');
        for (const [key, value] of Object.entries(attrs)) block.setAttribute(key, value as string);
        body.insert(body.length, [block]);
      };
    expect(at(signature({ issuer: '青山镇政协联工委', date: '2026-12-20' })), 'a signature').toBe('taken');
    expect(at(signature({ date: '2026-02-30' })), 'a day that is not').toBe('a value signature.date cannot take');
    expect(at(signature({ issuer: '长'.repeat(101) })), 'an issuer too long').toBe('a value signature.issuer cannot take');
    expect(
      at(({ heading }) => heading.setAttribute('numbering', 'maybe')),
      'a numbering nobody has',
    ).toBe('a value heading.numbering cannot take');
  });

  it(`refuses elements nested deeper than ${MAX_ELEMENT_DEPTH}, in one change or grown one level at a time`, () => {
    const server = new Y.Doc();
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    let parent: Y.XmlFragment | Y.XmlElement = doc.getXmlFragment(BODY_FRAGMENT);
    for (let i = 0; i < MAX_ELEMENT_DEPTH + 1; i++) {
      const quote: Y.XmlElement = new Y.XmlElement('blockquote');
      parent.insert(0, [quote]);
      parent = quote;
    }
    const verdicts = updates.map((u) => verdict(u, server));
    expect(verdicts.slice(0, MAX_ELEMENT_DEPTH).every((v) => v === 'taken')).toBe(true);
    expect(verdicts[MAX_ELEMENT_DEPTH]).toBe('elements nested too deep');
    expect(verdict(Y.encodeStateAsUpdate(doc), new Y.Doc())).toBe('elements nested too deep');
  });
});
