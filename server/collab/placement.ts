// Where each item of a change lands, and whether the document may hold it
// there. An item names its place by its left or right neighbour when it has
// one (an item of the document or of the same change), else by its parent;
// this follows those references as Yjs will when it integrates the change,
// then checks the item against what the binding writes at that place:
//   the body holds elements; an element holds elements and texts, and its
//   attributes (map entries) with values its node type allows; a text holds
//   characters and marks the schema has, with values they allow;
//   elements nest at most MAX_ELEMENT_DEPTH deep.
// What lands in a garbage-collected place is dropped by Yjs, so harmless.
// An item whose neighbour or parent neither the document nor the change has
// cannot be placed yet: the change waits (Room holds it until what it
// depends on arrives), rather than entering Yjs unchecked.
import * as Y from 'yjs';
import { BODY_FRAGMENT } from '../../shared/schema.js';
import { Content, type ScannedStruct, type UpdateShape } from './scanUpdate.js';
import { RuleError } from './updateRules.js';
import { attributeProblem, markProblem } from './valueRules.js';

/** A shared Yjs type of any kind: Yjs itself types them with `any`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type YType = Y.AbstractType<any>;

/** Elements nest at most this deep (a table in a list in a list … is about ten; renderers recurse per level). */
export const MAX_ELEMENT_DEPTH = 64;

const XML_ELEMENT = 3;
const XML_TEXT = 6;
const GC = 0;

type Place =
  | { kind: 'body' }
  | { kind: 'element'; name: string; depth: number }
  | { kind: 'text' }
  /** Garbage-collected, or a parent that is no type: Yjs drops what goes there. */
  | { kind: 'gone' }
  /** A type that is not part of the body. */
  | { kind: 'other' };

/** Where an item goes: its parent, and its key when it is a map entry (an attribute). */
interface Where {
  parent: Place;
  key: string | null;
}

const WAITS = 'waits' as const;
const GONE: Where = { parent: { kind: 'gone' }, key: null };

export type Placement = 'placed' | typeof WAITS;

/**
 * Throws RuleError when an item of the change would land where the document
 * may not hold it; 'waits' when some item cannot be placed until changes the
 * document does not have yet arrive.
 */
export function checkPlacement(shape: UpdateShape, doc: Y.Doc, staged: Iterable<ScannedStruct[]> = []): Placement {
  const earlier = [...staged].flat();
  return new Placer(earlier.concat(shape.structs), earlier.length, doc).check();
}

class Placer {
  private readonly where: (Where | typeof WAITS | undefined)[];
  /** Per client, indexes of its structs in the change, in clock order. */
  private readonly byClient = new Map<number, number[]>();
  private readonly depths = new Map<YType, number>();

  /**
   * `structs`: the changes taken but not applied to `doc` yet (stored, or
   * being stored), then the change to check, from index `from` on.
   */
  constructor(
    private readonly structs: ScannedStruct[],
    private readonly from: number,
    private readonly doc: Y.Doc,
  ) {
    this.where = new Array(structs.length);
    structs.forEach((struct, i) => {
      // What the document has already is looked up there.
      if (struct.clock + struct.length <= Y.getState(doc.store, struct.client)) return;
      let list = this.byClient.get(struct.client);
      if (!list) this.byClient.set(struct.client, (list = []));
      list.push(i);
    });
    for (const list of this.byClient.values()) list.sort((a, b) => structs[a].clock - structs[b].clock);
    this.markGaps();
  }

  check(): Placement {
    let waits = false;
    for (let i = this.from; i < this.structs.length; i++) {
      const struct = this.structs[i];
      if (struct.kind === GC) continue;
      const where = this.resolve(i);
      if (where === WAITS) waits = true;
      else this.checkItem(struct, where);
    }
    return waits ? WAITS : 'placed';
  }

  /** A struct after a gap in its client's clocks waits for the gap (Yjs keeps it pending). */
  private markGaps(): void {
    for (const [client, indexes] of this.byClient) {
      let reach = Y.getState(this.doc.store, client);
      for (const i of indexes) {
        const { clock, length } = this.structs[i];
        if (clock > reach) this.where[i] = WAITS;
        else reach = Math.max(reach, clock + length);
      }
    }
  }

  private checkItem(struct: ScannedStruct, { parent, key }: Where): void {
    if (parent.kind === 'gone' || struct.kind === Content.deleted) return;
    if (key !== null) {
      if (parent.kind !== 'element') throw new RuleError('an attribute where the document has none');
      if (struct.kind !== Content.any || struct.values?.length !== 1) throw new RuleError('an attribute value the document cannot hold');
      const problem = attributeProblem(parent.name, key, struct.values[0]);
      if (problem) throw new RuleError(problem);
      return;
    }
    switch (parent.kind) {
      case 'body':
        if (struct.typeRef !== XML_ELEMENT) throw new RuleError('the body holds only elements');
        return;
      case 'element':
        if (struct.typeRef !== XML_ELEMENT && struct.typeRef !== XML_TEXT) throw new RuleError('an element holds only elements and text');
        if (struct.typeRef === XML_ELEMENT && parent.depth + 1 > MAX_ELEMENT_DEPTH) throw new RuleError('elements nested too deep');
        return;
      case 'text':
        if (struct.kind !== Content.string && struct.kind !== Content.format) throw new RuleError('a text holds only characters and marks');
        if (struct.format) {
          const [formatKey, value] = struct.format;
          const problem = markProblem(formatKey.replace(/--[a-zA-Z0-9+/=]{8}$/, ''), value);
          if (problem) throw new RuleError(problem);
        }
        return;
      case 'other':
        throw new RuleError('writes outside the document body');
    }
  }

  /** Where struct `index` goes, following references through the change without recursion. */
  private resolve(index: number): Where | typeof WAITS {
    const stack = [index];
    const visiting = new Set<number>();
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (this.where[top] !== undefined) {
        stack.pop();
        continue;
      }
      const step = this.step(this.structs[top]);
      if (typeof step === 'number') {
        if (visiting.has(step)) throw new RuleError('items placed by each other');
        visiting.add(top);
        stack.push(step);
        continue;
      }
      this.where[top] = step;
      stack.pop();
    }
    return this.where[index]!;
  }

  /** Where the struct goes, or the index of a struct of the change whose place is needed first. */
  private step(struct: ScannedStruct): Where | typeof WAITS | number {
    if (struct.parentRoot !== null) return { parent: struct.parentRoot === BODY_FRAGMENT ? { kind: 'body' } : { kind: 'other' }, key: struct.key };
    if (struct.parentItem !== null) {
      const parent = this.containerAt(struct.parentItem);
      return typeof parent === 'number' || parent === WAITS ? parent : { parent, key: struct.key };
    }
    // Yjs: an item next to a garbage-collected one is dropped; else it goes where its left, or right, neighbour is.
    const left = struct.origin && this.neighbourAt(struct.origin);
    if (typeof left === 'number') return left;
    const right = struct.rightOrigin && this.neighbourAt(struct.rightOrigin);
    if (typeof right === 'number') return right;
    if (left === WAITS || right === WAITS) return WAITS;
    if (left?.parent.kind === 'gone' || right?.parent.kind === 'gone') return GONE;
    return left ?? right ?? GONE;
  }

  /** Where the item at `id` is (its neighbour goes there too). */
  private neighbourAt([client, clock]: [number, number]): Where | typeof WAITS | number {
    const j = this.inChange(client, clock);
    if (j !== null) {
      if (this.structs[j].kind === GC) return GONE;
      return this.where[j] ?? j;
    }
    const struct = this.inDocument(client, clock);
    if (struct === null) return WAITS;
    if (!(struct instanceof Y.Item) || struct.parent === null) return GONE;
    return { parent: this.placeOfType(struct.parent as YType), key: struct.parentSub };
  }

  /** The type held by the item at `id`, as a place for its children. */
  private containerAt([client, clock]: [number, number]): Place | typeof WAITS | number {
    const j = this.inChange(client, clock);
    if (j !== null) {
      const holder = this.structs[j];
      if (holder.kind === GC || holder.kind === Content.deleted) return { kind: 'gone' };
      if (holder.kind !== Content.type || holder.clock !== clock) throw new RuleError('placed inside what is not an element');
      const where = this.where[j];
      if (where === undefined) return j;
      if (where === WAITS) return WAITS;
      return this.childPlace(holder, where.parent);
    }
    const struct = this.inDocument(client, clock);
    if (struct === null) return WAITS;
    if (!(struct instanceof Y.Item) || struct.content instanceof Y.ContentDeleted) return { kind: 'gone' };
    if (!(struct.content instanceof Y.ContentType)) throw new RuleError('placed inside what is not an element');
    return this.placeOfType(struct.content.type as YType);
  }

  /** The place a type created in the change makes for its children. */
  private childPlace(holder: ScannedStruct, parent: Place): Place {
    if (parent.kind === 'gone' || parent.kind === 'other') return parent;
    const depth = parent.kind === 'element' ? parent.depth : 0;
    if (holder.typeRef === XML_ELEMENT) return { kind: 'element', name: holder.name ?? '', depth: depth + 1 };
    if (holder.typeRef === XML_TEXT) return { kind: 'text' };
    return { kind: 'other' };
  }

  private placeOfType(type: YType): Place {
    if (type instanceof Y.XmlElement) return { kind: 'element', name: type.nodeName, depth: this.depthOf(type) };
    if (type instanceof Y.XmlText) return { kind: 'text' };
    if (type._item === null && this.doc.share.get(BODY_FRAGMENT) === type) return { kind: 'body' };
    return { kind: 'other' };
  }

  /** How many elements deep a type of the document sits (an element in the body: 1). */
  private depthOf(type: YType): number {
    const known = this.depths.get(type);
    if (known !== undefined) return known;
    let depth = 0;
    for (let t: YType | null = type; t?._item; t = t._item.parent as YType | null) depth++;
    this.depths.set(type, depth);
    return depth;
  }

  /** The index of a struct of the changes holding `clock` of `client`; null when they have none. */
  private inChange(client: number, clock: number): number | null {
    const indexes = this.byClient.get(client);
    if (!indexes) return null;
    // the last struct starting at or before the clock (a client resending what is staged may overlap it: look back a little)
    let lo = 0;
    let hi = indexes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.structs[indexes[mid]].clock <= clock) lo = mid;
      else hi = mid - 1;
    }
    for (let k = lo; k >= 0 && k > lo - 8; k--) {
      const struct = this.structs[indexes[k]];
      if (struct.clock <= clock && clock < struct.clock + struct.length) return indexes[k];
    }
    return null;
  }

  /** The document's struct holding `clock` of `client`; null when the document does not have it yet. */
  private inDocument(client: number, clock: number): Y.Item | Y.GC | null {
    const structs = this.doc.store.clients.get(client);
    if (!structs || clock >= Y.getState(this.doc.store, client)) return null;
    return structs[Y.findIndexSS(structs, clock)] as Y.Item | Y.GC;
  }
}
