import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BODY_FRAGMENT } from '../../shared/schema.js';
import { MAX_ELEMENT_DEPTH } from '../collab/placement.js';
import { documentProblems, repairDocument } from './documentProblems.js';
import { renderContent } from './renderContent.js';
import { seedState } from './seed.js';

const odd = <T>(value: unknown) => value as T;

/** A document as a server before the rules could have stored it: good text among everything the schema does not allow. */
function brokenDocument(): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, seedState('blank', '测试'));
  const body = doc.getXmlFragment(BODY_FRAGMENT);
  doc.transact(() => {
    const good = new Y.XmlElement('paragraph');
    good.insert(0, [new Y.XmlText('好的一段')]);
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', odd(1e9));
    heading.setAttribute('onclick', 'alert(1)');
    heading.insert(0, [new Y.XmlText('标题')]);
    const linked = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    linked.insert(0, [text]);
    text.insert(0, '坏链接', { link: { href: 'javascript:alert(1)' }, blink: {} });
    text.insert(3, '和好字');
    const cell = new Y.XmlElement('tableCell');
    cell.setAttribute('colspan', odd(1e6));
    const inCell = new Y.XmlElement('paragraph');
    inCell.insert(0, [new Y.XmlText('单元格')]);
    cell.insert(0, [inCell]);
    const row = new Y.XmlElement('tableRow');
    row.insert(0, [cell]);
    const table = new Y.XmlElement('table');
    table.insert(0, [row]);
    const confused = new Y.XmlElement('paragraph');
    body.insert(body.length, [good, heading, linked, table, new Y.XmlElement('script'), new Y.XmlText('裸字'), confused]);
    confused.insert(0, [odd<Y.XmlText>(new Y.Array())]);
    let parent: Y.XmlElement = new Y.XmlElement('blockquote');
    body.insert(body.length, [parent]);
    for (let i = 0; i < MAX_ELEMENT_DEPTH + 2; i++) {
      const quote: Y.XmlElement = new Y.XmlElement('blockquote');
      parent.insert(0, [quote]);
      parent = quote;
    }
    const deepest = new Y.XmlElement('paragraph');
    deepest.insert(0, [new Y.XmlText('深处')]);
    parent.insert(0, [deepest]);
    doc.getMap('extra').set('k', 'v');
  });
  return doc;
}

describe('documentProblems and repairDocument', () => {
  it('find nothing in documents as the editor makes them', () => {
    for (const template of ['year-end-summary', 'year-end-summary-three-part', 'blank'] as const) {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, seedState(template, '2026年工作总结'));
      expect(documentProblems(doc), template).toEqual([]);
    }
  });

  it('list what breaks the schema, then mend it with one change every copy merges, keeping the good text', () => {
    const doc = brokenDocument();
    const problems = documentProblems(doc).map((p) => p.problem);
    for (const expected of [
      'content beside the body (extra)',
      'a value heading.level cannot take: 1000000000',
      'an attribute heading does not have: "alert(1)"',
      'a value link.href cannot take',
      'a mark the schema does not have (blink)',
      'a value tableCell.colspan cannot take: 1000000',
      'an element the schema does not have (script)',
      'text where the body holds only elements',
      'YArray where an element holds only elements and text',
      `elements nested deeper than ${MAX_ELEMENT_DEPTH}`,
    ])
      expect(problems).toContain(expected);
    // a member's copy, as it was before the repair
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(doc);
    const mended = repairDocument(doc);
    // all but what follows from the rest: the editor could not read the body for the array in it
    expect(problems).toContain('the editor cannot read it: Unexpected case');
    expect(mended.length).toBe(problems.length - 1);
    expect(documentProblems(doc)).toEqual([]);
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc, before));
    expect(documentProblems(copy)).toEqual([]);
    const { text, json } = renderContent(copy.getXmlFragment(BODY_FRAGMENT));
    expect(text).toContain('好的一段');
    expect(text).toContain('坏链接和好字');
    expect(text).toContain('标题');
    expect(text).toContain('单元格');
    expect(JSON.stringify(json)).toContain('"level":5');
    expect(JSON.stringify(json)).toContain('"colspan":64');
  });
});
