// Turns the server's diff (a flat list of blocks, older side → newer side)
// into what the compare view draws: blocks as headings or paragraphs, runs of
// lists, tables and quotes grouped, and every change with its author.
import type { DiffBlockDto, DiffDto, PersonDto } from '../../shared/api.js';

export type BlockTag = 'p' | 'h1' | 'h2' | 'h3' | 'h4' | 'hr';
export type Container = NonNullable<DiffBlockDto['container']>;
export type FormatChange = 'type' | 'level' | 'container' | 'textAlign';
const FORMAT_CHANGES: readonly string[] = ['type', 'level', 'container', 'textAlign'] satisfies FormatChange[];

export interface DiffRun {
  op: 'equal' | 'insert' | 'delete';
  text: string;
  /** Who inserted or deleted it; null for unchanged text and for changes nobody is known for. */
  author: PersonDto | null;
  /** The 修订 pending on it on the newer side, drawn as in the editor (on top of the op), with its author. */
  suggestion: RunSuggestion | null;
}

export interface RunSuggestion {
  kind: 'insert' | 'delete';
  author: PersonDto | null;
  /** New since the older side (a change), rather than pending on both. */
  arrived: boolean;
}

export interface DiffBlockView {
  key: string;
  status: DiffBlockDto['status'];
  tag: BlockTag;
  textAlign: string | null;
  runs: DiffRun[];
  /** What changed besides the text, in a modified block. */
  changes: FormatChange[];
  /** For a whole added or removed block: the people who added or removed it. */
  authors: PersonDto[];
  /** In an ordered list: the number shown (a removed item shows the number it had). */
  ordinal: number | null;
}

export type DiffItem = { kind: 'block'; block: DiffBlockView } | { kind: 'group'; key: string; container: Container; blocks: DiffBlockView[] };

/** The grey of someone the server could not name (a change made before accounts were recorded). */
export const UNKNOWN_COLOR = '#868e96';

function tagOf(block: DiffBlockDto): BlockTag {
  if (block.type === 'horizontalRule') return 'hr';
  if (block.type === 'heading') {
    const level = Math.min(Math.max(block.level ?? 1, 1), 4);
    return `h${level}` as BlockTag;
  }
  return 'p';
}

/** Someone by username: from the diff's people, else the username itself in grey. */
export function personFinder(people: PersonDto[]): (username: string | null) => PersonDto | null {
  const byUsername = new Map(people.map((person) => [person.username, person]));
  return (username) => {
    if (username === null) return null;
    return byUsername.get(username) ?? { username, displayName: username, color: UNKNOWN_COLOR };
  };
}

function uniquePeople(list: (PersonDto | null)[]): PersonDto[] {
  const seen = new Map<string, PersonDto>();
  for (const person of list) if (person && !seen.has(person.username)) seen.set(person.username, person);
  return [...seen.values()];
}

export function diffItemsOf(blocks: DiffBlockDto[], people: PersonDto[]): DiffItem[] {
  const find = personFinder(people);
  const views = blocks.map((block, index): DiffBlockView => {
    const runs = block.segments
      .filter((segment) => segment.text !== '')
      .map((segment): DiffRun => ({
        op: segment.op,
        text: segment.text,
        author: find(segment.author),
        suggestion: segment.suggestion ? { kind: segment.suggestion.kind, author: find(segment.suggestion.author), arrived: segment.suggestion.arrived } : null,
      }));
    const whole = block.status === 'added' || block.status === 'removed';
    return {
      key: String(index),
      status: block.status,
      tag: tagOf(block),
      textAlign: block.textAlign,
      runs,
      changes: block.status === 'modified' ? (block.changes.filter((change) => FORMAT_CHANGES.includes(change)) as FormatChange[]) : [],
      authors: whole ? uniquePeople(runs.map((run) => run.author)) : [],
      ordinal: null,
    };
  });
  lendAuthorsToEmptyBlocks(views);

  const items: DiffItem[] = [];
  let group: Extract<DiffItem, { kind: 'group' }> | null = null;
  let ordinal = 0;
  blocks.forEach((block, index) => {
    const view = views[index];
    if (block.container === null) {
      group = null;
      items.push({ kind: 'block', block: view });
      return;
    }
    if (group?.container !== block.container) {
      group = { kind: 'group', key: `g${index}`, container: block.container, blocks: [] };
      ordinal = 0;
      items.push(group);
    }
    if (block.container === 'orderedList') view.ordinal = block.status === 'removed' ? ordinal + 1 : ++ordinal;
    group.blocks.push(view);
  });
  return items;
}

/**
 * An empty block has no characters to say who added or removed it (the empty
 * cells of a new table, the blank line after a new paragraph): it goes with the
 * added or removed block next to it, first the one before, else the one after.
 */
function lendAuthorsToEmptyBlocks(views: DiffBlockView[]): void {
  const lend = (order: DiffBlockView[]) => {
    for (let i = 1; i < order.length; i++) {
      const view = order[i];
      const neighbour = order[i - 1];
      if (view.authors.length === 0 && view.runs.length === 0 && view.status !== 'equal' && neighbour.status === view.status) view.authors = neighbour.authors;
    }
  };
  lend(views);
  lend([...views].reverse());
}

/** Paragraphs that changed in any way: modified, added or removed. */
export function changedBlockCount(stats: DiffDto['stats']): number {
  return stats.modifiedBlocks + stats.addedBlocks + stats.removedBlocks;
}

/** Whether anything changed: text, paragraphs, or suggestions that arrived. */
export function hasChanges(stats: DiffDto['stats']): boolean {
  return stats.insertedChars + stats.deletedChars + changedBlockCount(stats) + stats.newSuggestions > 0;
}
