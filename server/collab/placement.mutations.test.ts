// Placement: honest changes with one field altered are never taken if they break the document.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { chance, mulberry32, pick, randomInt, type Rng } from '../../shared/random.js';
import { BODY_FRAGMENT, schema } from '../../shared/schema.js';
import { writeUpdate } from '../../tests/helpers/updateWriter.js';
import { bindingHistory, clone, problemsOf, verdict } from './placementTestFixtures.js';
import { inspectUpdate } from './protocol.js';
import { Content, type ScannedStruct } from './scanUpdate.js';

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

describe('placement: where each item of a change lands', () => {
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
