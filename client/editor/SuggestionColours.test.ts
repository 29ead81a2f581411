import { Node } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import type { Decoration } from '@tiptap/pm/view';
import { describe, expect, it } from 'vitest';
import { schema } from '../../shared/schema.js';
import { NEUTRAL_COLOR, peopleByUsername } from '../suggestions/suggestionPeople.js';
import { setSuggestionColours, suggestionColoursKey, suggestionColoursPlugin } from './SuggestionColours.js';

const mark = (type: string, id: string, author: string) => ({ type, attrs: { id, author, createdAt: 1 } });
const text = (value: string, ...marks: object[]) => ({ type: 'text', text: value, ...(marks.length ? { marks } : {}) });
const doc = Node.fromJSON(schema, {
  type: 'doc',
  content: [{ type: 'paragraph', content: [text('ab'), text('cd', mark('suggestionInsert', 's1', 'li')), text('ef', mark('suggestionDelete', 's2', 'wang'))] }],
});

/** The decorations as [from, to, class, style, id]. */
function drawn(state: EditorState): Array<[number, number, string, string, string]> {
  const set = suggestionColoursKey.getState(state)!.decorations;
  return set.find().map((decoration: Decoration) => {
    const attrs = (decoration as unknown as { type: { attrs: Record<string, string> } }).type.attrs;
    return [decoration.from, decoration.to, attrs.class, attrs.style, attrs['data-suggestion-id']];
  });
}

describe('SuggestionColours', () => {
  const people = peopleByUsername([{ username: 'li', displayName: '李华', color: '#e03131' }]);

  it('draws each suggestion by kind, in grey until the people are known', () => {
    const state = EditorState.create({ doc, plugins: [suggestionColoursPlugin()] });
    expect(drawn(state)).toEqual([
      [3, 5, 'suggestion suggestion--insert', `--suggestion-color: ${NEUTRAL_COLOR}`, 's1'],
      [5, 7, 'suggestion suggestion--delete', `--suggestion-color: ${NEUTRAL_COLOR}`, 's2'],
    ]);
  });

  it("uses each author's colour, grey for one who is not a member, and tints the chosen one", () => {
    let state = EditorState.create({ doc, plugins: [suggestionColoursPlugin()] });
    state = state.apply(setSuggestionColours(state.tr, { people }));
    state = state.apply(setSuggestionColours(state.tr, { activeId: 's2' }));
    expect(drawn(state)).toEqual([
      [3, 5, 'suggestion suggestion--insert', '--suggestion-color: #e03131', 's1'],
      [5, 7, 'suggestion suggestion--delete suggestion--focused', `--suggestion-color: ${NEUTRAL_COLOR}`, 's2'],
    ]);
  });

  it('follows the marks when they go without the text moving (an accepted insertion)', () => {
    let state = EditorState.create({ doc, plugins: [suggestionColoursPlugin()] });
    state = state.apply(state.tr.removeMark(3, 5, schema.marks.suggestionInsert));
    expect(drawn(state).map(([, , , , id]) => id)).toEqual(['s2']);
  });
});
