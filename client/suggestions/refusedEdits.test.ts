// Refused changes typed again as suggestions: what differs between the
// server's document and the refused copy, and what SuggestMode makes of it,
// judged by the server's own rule for someone who may only suggest.
import type { JSONContent } from '@tiptap/core';
import type { Node } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import { initProseMirrorDoc, updateYFragment } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkSuggestOnly } from '../../server/collab/suggestionRules.js';
import { ALICE, clone, docFromJSON } from '../../server/collab/suggestionTestFixtures.js';
import { BODY_FRAGMENT, schema } from '../../shared/schema.js';
import { listSuggestions } from '../../shared/suggestions.js';
import { suggestModeKey, suggestModePlugin } from '../editor/SuggestMode.js';
import { refusedReplacements } from './refusedEdits.js';

const p = (text: string): JSONContent => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const doc = (...texts: string[]): Node => schema.nodeFromJSON({ type: 'doc', content: texts.map(p) });
const SERVER = ['全年召开协商议事会议六次。', '围绕乡村振兴开展视察调研。', '提出意见建议二十余条。'];

/** The server's document with the replacements made in 修订 mode by ALICE, and the server's verdict on it. */
function retype(server: string[], copy: Node) {
  const y = docFromJSON({ type: 'doc', content: server.map(p) });
  const before = initProseMirrorDoc(y.getXmlFragment(BODY_FRAGMENT), schema).doc;
  let ids = 0;
  const plugin = suggestModePlugin({ author: ALICE, onRefused: () => undefined, newId: () => `retyped-${++ids}` });
  let state = EditorState.create({ schema, doc: before, plugins: [plugin] });
  state = state.apply(state.tr.setMeta(suggestModeKey, { suggesting: true }));
  for (const { from, to, content } of refusedReplacements(state.doc, copy)) state = state.apply(state.tr.replaceWith(from, to, content));
  const client = clone(y);
  const fragment = client.getXmlFragment(BODY_FRAGMENT);
  const { meta } = initProseMirrorDoc(fragment, schema);
  client.transact(() => updateYFragment(client, fragment, state.doc, meta));
  const verdict = checkSuggestOnly(y, Y.encodeStateAsUpdate(client, Y.encodeStateVector(y)), ALICE);
  return { after: state.doc, verdict };
}

const kinds = (d: Node) => listSuggestions(d).map(({ kind, text }) => `${kind}:${text}`);

describe('refused changes typed again as suggestions', () => {
  it('finds nothing to do when the copy holds nothing new', () => {
    expect(refusedReplacements(doc(...SERVER), doc(...SERVER))).toEqual([]);
  });

  it('replaces only the words that differ, as one suggestion each', () => {
    const { after, verdict } = retype(SERVER, doc('全年召开协商议事会议七次。', SERVER[1], '提出意见建议三十余条。'));
    expect(verdict).toEqual({ ok: true });
    expect(kinds(after)).toEqual(['delete:六', 'insert:七', 'delete:二', 'insert:三']);
  });

  it('adds the words of a new paragraph to the paragraph before it, and strikes those of one taken out', () => {
    const added = retype(SERVER, doc(...SERVER, '推动解决群众关心的问题。'));
    expect(added.verdict).toEqual({ ok: true });
    expect(kinds(added.after)).toEqual(['insert:推动解决群众关心的问题。']);
    expect(added.after.childCount).toBe(3);

    const removed = retype(SERVER, doc(SERVER[0], SERVER[2]));
    expect(removed.verdict).toEqual({ ok: true });
    expect(kinds(removed.after)).toEqual(['delete:围绕乡村振兴开展视察调研。']);
  });
});
