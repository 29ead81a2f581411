import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { updateYFragment } from '@tiptap/y-tiptap';
import { BODY_FRAGMENT, schema } from '../../shared/schema.js';
import { chance, mulberry32, pick, randomInt, type Rng } from '../../shared/random.js';
import { FuzzEditor } from '../../tests/helpers/fuzzEdits.js';
import { editedDoc, randomDoc } from '../../tests/helpers/randomDocs.js';
import { writeUpdate } from '../../tests/helpers/updateWriter.js';
import { documentProblems } from '../documents/documentProblems.js';
import { seedState } from '../documents/seed.js';
import { checkPlacement, MAX_ELEMENT_DEPTH } from './placement.js';
import { inspectUpdate } from './protocol.js';
import { Content, type ScannedStruct } from './scanUpdate.js';
import { checkDeletesKnown, checkUpdateShape, RuleError } from './updateRules.js';

/** The door's verdict on an update for a server whose document is `server`: 'taken' (and applied to it), 'waits', or why it is refused. */
function verdict(update: Uint8Array, server: Y.Doc): string {
  try {
    const { shape } = inspectUpdate(update);
    checkUpdateShape(shape);
    checkDeletesKnown(shape, server);
    if (checkPlacement(shape, server) === 'waits') return 'waits';
    Y.applyUpdate(server, update);
    return 'taken';
  } catch (err) {
    if (err instanceof RuleError) return err.message;
    throw err;
  }
}

/** What is wrong with a document, read from what Yjs integrated (not from the update): the oracle the door is checked against. */
const problemsOf = (doc: Y.Doc): string[] => documentProblems(doc).map(({ at, problem }) => `${at}: ${problem}`);

const clone = (doc: Y.Doc): Y.Doc => {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
};

/** Honest changes as the editor makes them: the binding's updateYFragment from one random document to the next. */
function bindingHistory(seed: number, steps: number): Uint8Array[] {
  const rng = mulberry32(seed);
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment(BODY_FRAGMENT);
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const meta = { mapping: new Map(), isOMark: new Map() };
  let pm = randomDoc(rng);
  for (let i = 0; i < steps; i++) {
    doc.transact(() => updateYFragment(doc, fragment, pm, meta));
    pm = editedDoc(rng, pm);
  }
  return updates;
}

describe('placement: where each item of a change lands', () => {
  it('takes every change the binding makes between random documents of the schema, and the whole state at once', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const server = new Y.Doc();
      const updates = bindingHistory(seed, 12);
      for (const update of updates) expect(verdict(update, server), `seed ${seed}`).toBe('taken');
      expect(problemsOf(server), `seed ${seed}`).toEqual([]);
      expect(verdict(Y.encodeStateAsUpdate(server), new Y.Doc()), `seed ${seed}`).toBe('taken');
    }
  });

  it('takes random honest editing with undo and redo, and the seeded templates', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const doc = new Y.Doc();
      const server = new Y.Doc();
      const verdicts = new Set<string>();
      doc.on('update', (u: Uint8Array) => verdicts.add(verdict(u, server)));
      const editor = new FuzzEditor(1, doc, mulberry32(seed));
      for (let i = 0; i < 150; i++) editor.edit();
      editor.destroy();
      expect([...verdicts], `seed ${seed}`).toEqual(['taken']);
    }
    for (const template of ['year-end-summary', 'blank'] as const) expect(verdict(seedState(template, '2026年工作总结'), new Y.Doc())).toBe('taken');
  });

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

  it('lets a change wait while what it builds on has not arrived, and takes it once that has', () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    const p = new Y.XmlElement('paragraph');
    const t = new Y.XmlText();
    doc.transact(() => {
      doc.getXmlFragment(BODY_FRAGMENT).insert(0, [p]);
      p.insert(0, [t]);
    });
    t.insert(0, '离线');
    t.insert(2, '写的');
    const server = new Y.Doc();
    expect(verdict(updates[2], server)).toBe('waits');
    expect(verdict(updates[1], server)).toBe('waits');
    expect(verdict(updates[0], server)).toBe('taken');
    expect(verdict(Y.mergeUpdates([updates[1], updates[2]]), server)).toBe('taken');
    expect(server.getXmlFragment(BODY_FRAGMENT).toString()).toContain('离线写的');
    // a change staged (taken, not yet applied) counts as arrived
    const later = new Y.Doc();
    Y.applyUpdate(later, updates[0]);
    const staged = inspectUpdate(updates[1]).shape!;
    expect(checkPlacement(inspectUpdate(updates[2]).shape!, later, [staged.structs])).toBe('placed');
  });

  it('never takes a change that breaks the document: honest changes with one field altered, judged by what Yjs makes of them', () => {
    let taken = 0;
    let refused = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const rng = mulberry32(1000 + seed);
      const history = bindingHistory(seed, 8);
      const server = new Y.Doc();
      for (const update of history) {
        for (let m = 0; m < 6; m++) {
          const structs = inspectUpdate(update).shape?.structs ?? [];
          if (structs.length === 0) continue;
          const mutated = mutate(rng, structs, server);
          let result: string;
          try {
            result = verdict(mutated, clone(server)) === 'taken' ? 'taken' : 'not taken';
          } catch {
            result = 'malformed';
          }
          if (result !== 'taken') {
            refused++;
            continue;
          }
          taken++;
          const replica = clone(server);
          Y.applyUpdate(replica, mutated);
          expect(problemsOf(replica), `seed ${seed}: ${Buffer.from(mutated).toString('hex')}`).toEqual([]);
        }
        expect(verdict(update, server)).toBe('taken');
      }
    }
    // the mutations both pass and fail the door, so the property is exercised on both sides
    expect(taken).toBeGreaterThan(50);
    expect(refused).toBeGreaterThan(50);
  });
});

const HOSTILE_VALUES: unknown[] = [
  1e9,
  -1,
  0,
  3,
  'javascript:alert(1)',
  'https://example.cn',
  {},
  { href: 'javascript:x' },
  [[[]]],
  'x'.repeat(5000),
  null,
  true,
  [50, 60],
  'center',
];
const ELEMENT_NAMES = Object.keys(schema.nodes).concat('script', 'doc');
const KEYS = ['level', 'colspan', 'colwidth', 'textAlign', 'start', 'href', 'onclick', 'align'];

/** One honest change with one field of one struct altered, re-encoded. */
function mutate(rng: Rng, structs: ScannedStruct[], server: Y.Doc): Uint8Array {
  const copy = structs.map((s) => ({ ...s, values: s.values && [...s.values] }));
  const target = pick(rng, copy);
  const someId = (): [number, number] => {
    const clients = [...server.store.clients.keys(), target.client];
    const client = pick(rng, clients);
    return [client, randomInt(rng, 0, Math.max(0, Y.getState(server.store, client) + 3))];
  };
  switch (randomInt(rng, 0, 9)) {
    case 0:
      if (target.origin) target.origin = [target.origin[0], Math.max(0, target.origin[1] + randomInt(rng, -3, 3))];
      else target.origin = someId();
      break;
    case 1:
      target.origin = null;
      target.rightOrigin = null;
      if (chance(rng, 0.3)) target.parentRoot = BODY_FRAGMENT;
      else {
        target.parentRoot = null;
        target.parentItem = someId();
      }
      break;
    case 2:
      target.key = target.key === null ? pick(rng, KEYS) : null;
      if (target.key !== null) {
        target.origin = null;
        target.rightOrigin = null;
        target.parentItem ??= someId();
      }
      break;
    case 3:
      if (target.kind === Content.any) target.values = [pick(rng, HOSTILE_VALUES)];
      else if (target.kind === Content.format) target.format = [target.format?.[0] ?? 'link', pick(rng, HOSTILE_VALUES)];
      else {
        target.kind = Content.any;
        target.values = [pick(rng, HOSTILE_VALUES)];
      }
      break;
    case 4:
      if (target.kind === Content.type) {
        if (chance(rng, 0.5)) target.typeRef = target.typeRef === 3 ? 6 : 3;
        target.name = pick(rng, ELEMENT_NAMES);
      } else {
        target.kind = Content.type;
        target.typeRef = pick(rng, [3, 6]);
        target.name = pick(rng, ELEMENT_NAMES);
      }
      break;
    case 5:
      target.kind = Content.string;
      target.text = '插入';
      break;
    case 6:
      target.kind = Content.format;
      target.format = [pick(rng, ['bold', 'link', 'link--AbCd1234', 'guidance']), pick(rng, HOSTILE_VALUES)];
      break;
    case 7:
      if (target.rightOrigin) target.rightOrigin = someId();
      else target.rightOrigin = someId();
      break;
    case 8:
      target.parentItem = someId();
      target.origin = null;
      target.rightOrigin = null;
      target.parentRoot = null;
      break;
    default:
      if (target.kind === Content.any) target.key = pick(rng, KEYS);
      else target.kind = Content.deleted;
  }
  // lengths follow the content; clocks follow each client's structs in turn
  const clocks = new Map<number, number>();
  for (const s of copy) {
    if (s.kind === Content.string) s.length = s.text?.length ?? s.length;
    else if (s.kind === Content.any) s.length = s.values?.length ?? 1;
    else if (s.kind !== Content.deleted && s.kind !== 0) s.length = 1;
    const clock = clocks.get(s.client) ?? s.clock;
    s.clock = clock;
    clocks.set(s.client, clock + s.length);
  }
  return writeUpdate(copy);
}
