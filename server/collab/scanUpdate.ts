// One pass over a Yjs update (the v1 encoding clients send) that reads every
// struct and the delete set exactly as Yjs's own decoder (Y.decodeUpdate)
// does, field by field with the same lib0 readers, without building an
// object for each. It runs on every keystroke before the change is relayed:
// what Yjs would refuse to decode must fail here, and nothing else may.
// It also notes where each struct goes, for the document's rules.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

const BITS5 = 31;
const BIT6 = 32;
const BIT7 = 64;
const BIT8 = 128;
/** Yjs's struct kinds (info & BITS5) that are not content: a garbage-collected range, a skip. */
const GC = 0;
const SKIP = 10;
/** Content kinds (Yjs's contentRefs). */
export enum Content {
  deleted = 1,
  json = 2,
  binary = 3,
  string = 4,
  embed = 5,
  format = 6,
  type = 7,
  any = 8,
  doc = 9,
}
/** Yjs's typeRefs: XmlElement and XmlHook carry a name, the others nothing; there are seven. */
const TYPE_WITH_KEY = new Set([3, 5]);
const TYPE_REFS = 7;

export interface ScannedUpdate {
  /** No struct and no deletion. */
  empty: boolean;
  /** Clients with a struct that is not a skip, in the order Yjs lists them. */
  clients: number[];
  /** The delete set, encoded as Y.encodeSnapshot encodes it with an empty state vector; null when none. */
  deletes: Uint8Array | null;
  /** What the update writes, for the document's rules (updateRules.ts). */
  shape: UpdateShape;
}

/** What an update writes, beyond being well formed. */
export interface UpdateShape {
  /** Root types it writes into by name. */
  roots: Set<string>;
  /** Content kinds of its items (Yjs's contentRefs). */
  contents: Set<number>;
  /** Types it creates (Yjs's typeRefs). */
  typeRefs: Set<number>;
  /** Keys of the formatting attributes it sets in text. */
  formatKeys: Set<string>;
  /** Names of the XML elements (and hooks) it creates. */
  elementNames: Set<string>;
  /** Keys of the attributes (map entries) it writes first; a later write of a key copies it from the earlier one. */
  attributeKeys: Set<string>;
  /** The deepest JSON or any value it holds (a scalar is 0). */
  valueDepth: number;
  /** An item whose left or right origin is one of its own client's later items: Yjs cannot integrate it. */
  originAhead: boolean;
  /** Ranges in its delete set. */
  deleteRanges: number;
  /** The clock after each client's last struct in it. */
  structEnds: Map<number, number>;
  /** Its delete set: for each client, clock and length of each range, one after the other. */
  deletesByClient: Map<number, number[]>;
  /** Its structs but skips, in the order Yjs lists them (each client's in clock order), for placement.ts. */
  structs: ScannedStruct[];
}

/** An item's (or a garbage-collected range's) place and content, as far as the update itself says. */
export interface ScannedStruct {
  client: number;
  clock: number;
  length: number;
  /** The content kind (Yjs's contentRef); 0 for a garbage-collected range. */
  kind: number;
  /** The left and right origins ([client, clock]), null when none. */
  origin: [number, number] | null;
  rightOrigin: [number, number] | null;
  /** Where it goes when it has no origin: a root by name, or the item holding its parent type. */
  parentRoot: string | null;
  parentItem: [number, number] | null;
  /** The key of a map entry (an element's attribute) when it has no origin; null: a sequence item. */
  key: string | null;
  /** A type it creates: Yjs's typeRef, and an element's name. */
  typeRef?: number;
  name?: string;
  /** The values of an any content (an attribute's value). */
  values?: unknown[];
  /** A formatting attribute's key and value. */
  format?: [string, unknown];
  /** The characters of a string content. */
  text?: string;
}

/** Reads `update` whole; throws where Y.decodeUpdate throws. */
export function scanUpdate(update: Uint8Array): ScannedUpdate {
  const d = decoding.createDecoder(update);
  const clients: number[] = [];
  const shape: UpdateShape = {
    roots: new Set(),
    contents: new Set(),
    typeRefs: new Set(),
    formatKeys: new Set(),
    elementNames: new Set(),
    attributeKeys: new Set(),
    valueDepth: 0,
    originAhead: false,
    deleteRanges: 0,
    structEnds: new Map(),
    deletesByClient: new Map(),
    structs: [],
  };
  let structs = 0;
  const sections = decoding.readVarUint(d);
  for (let s = 0; s < sections; s++) {
    const count = decoding.readVarUint(d);
    const client = decoding.readVarUint(d);
    let clock = decoding.readVarUint(d);
    for (let i = 0; i < count; i++) {
      structs++;
      const info = decoding.readUint8(d);
      if (info === SKIP) {
        clock += decoding.readVarUint(d);
        continue;
      }
      if (!clients.includes(client)) clients.push(client);
      const struct: ScannedStruct = {
        client,
        clock,
        length: 0,
        kind: info & BITS5,
        origin: null,
        rightOrigin: null,
        parentRoot: null,
        parentItem: null,
        key: null,
      };
      shape.structs.push(struct);
      if (struct.kind === GC) {
        struct.length = decoding.readVarUint(d);
        clock += struct.length;
        continue;
      }
      // An origin of the item's own client must come before it (Yjs would wait for it forever).
      if ((info & BIT8) === BIT8) struct.origin = readId(d);
      if ((info & BIT7) === BIT7) struct.rightOrigin = readId(d);
      for (const origin of [struct.origin, struct.rightOrigin]) if (origin && origin[0] === client && origin[1] >= clock) shape.originAhead = true;
      const cantCopyParentInfo = (info & (BIT7 | BIT8)) === 0;
      if (cantCopyParentInfo) {
        if (decoding.readVarUint(d) === 1) shape.roots.add((struct.parentRoot = decoding.readVarString(d)));
        else struct.parentItem = readId(d);
      }
      if (cantCopyParentInfo && (info & BIT6) === BIT6) shape.attributeKeys.add((struct.key = decoding.readVarString(d))); // parent sub
      shape.contents.add(struct.kind);
      struct.length = readContent(d, struct, shape);
      clock += struct.length;
    }
    shape.structEnds.set(client, Math.max(shape.structEnds.get(client) ?? 0, clock));
  }
  const deletes = readDeleteSet(d, shape);
  return { empty: structs === 0 && deletes === null, clients, deletes, shape };
}

/** Reads an ID: [client, clock]. */
function readId(d: decoding.Decoder): [number, number] {
  const client = decoding.readVarUint(d);
  return [client, decoding.readVarUint(d)];
}

/** How deep a parsed JSON or any value nests, without recursing (a scalar is 0). */
export function valueDepth(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object' || current instanceof Uint8Array) continue;
    deepest = Math.max(deepest, depth + 1);
    for (const child of Array.isArray(current) ? current : Object.values(current)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** Reads one item's content; returns its length in clock units. */
function readContent(d: decoding.Decoder, struct: ScannedStruct, shape: UpdateShape): number {
  const deeper = (value: unknown) => {
    shape.valueDepth = Math.max(shape.valueDepth, valueDepth(value));
  };
  switch (struct.kind) {
    case Content.deleted:
      return decoding.readVarUint(d);
    case Content.json: {
      const n = decoding.readVarUint(d);
      for (let i = 0; i < n; i++) {
        const json = decoding.readVarString(d);
        if (json !== 'undefined') deeper(JSON.parse(json));
      }
      return n;
    }
    case Content.binary:
      decoding.readVarUint8Array(d);
      return 1;
    case Content.string:
      struct.text = decoding.readVarString(d);
      return struct.text.length;
    case Content.embed:
      deeper(JSON.parse(decoding.readVarString(d)));
      return 1;
    case Content.format: {
      const key = decoding.readVarString(d);
      const value: unknown = JSON.parse(decoding.readVarString(d));
      shape.formatKeys.add(key);
      deeper(value);
      struct.format = [key, value];
      return 1;
    }
    case Content.type: {
      const ref = decoding.readVarUint(d);
      if (ref >= TYPE_REFS) throw new Error(`unknown type ${ref}`);
      shape.typeRefs.add((struct.typeRef = ref));
      if (TYPE_WITH_KEY.has(ref)) shape.elementNames.add((struct.name = decoding.readVarString(d)));
      return 1;
    }
    case Content.any: {
      const n = decoding.readVarUint(d);
      struct.values = [];
      for (let i = 0; i < n; i++) {
        const value = decoding.readAny(d);
        deeper(value);
        struct.values.push(value);
      }
      return n;
    }
    case Content.doc:
      // a sub-document: its guid and options (Yjs would make a Y.Doc of each; the rules refuse them)
      decoding.readVarString(d);
      deeper(decoding.readAny(d));
      return 1;
    default:
      // 0 (a GC is no content), 10 (nor a skip) and anything above 10: Yjs refuses them too
      throw new Error(`unknown content ${struct.kind}`);
  }
}

/** Reads the delete set; re-encodes it as a snapshot's (clients by descending id, then an empty state vector). */
function readDeleteSet(d: decoding.Decoder, shape: UpdateShape): Uint8Array | null {
  const byClient = new Map<number, number[]>();
  const n = decoding.readVarUint(d);
  for (let i = 0; i < n; i++) {
    const client = decoding.readVarUint(d);
    const deletes = decoding.readVarUint(d);
    shape.deleteRanges += deletes;
    if (deletes === 0) continue;
    let ranges = byClient.get(client);
    if (!ranges) byClient.set(client, (ranges = []));
    for (let j = 0; j < deletes; j++) ranges.push(decoding.readVarUint(d), decoding.readVarUint(d));
  }
  shape.deletesByClient = byClient;
  if (byClient.size === 0) return null;
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, byClient.size);
  for (const [client, ranges] of [...byClient].sort((a, b) => b[0] - a[0])) {
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, ranges.length / 2);
    for (const value of ranges) encoding.writeVarUint(e, value);
  }
  encoding.writeVarUint(e, 0); // the state vector: empty
  return encoding.toUint8Array(e);
}
