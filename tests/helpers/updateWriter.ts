// Writes structs as scanUpdate reads them back into a v1 update, field by
// field as Yjs's UpdateEncoderV1 lays them out: for tests that take an honest
// change apart, alter one field and send it again.
import * as encoding from 'lib0/encoding';
import { Content, type ScannedStruct } from '../../server/collab/scanUpdate.js';

const BIT6 = 32;
const BIT7 = 64;
const BIT8 = 128;
const TYPE_WITH_KEY = new Set([3, 5]);

/** A v1 update of these structs (each client's in clock order, contiguous) and this delete set. */
export function writeUpdate(structs: ScannedStruct[], deletes: Map<number, number[]> = new Map()): Uint8Array {
  const e = encoding.createEncoder();
  const byClient = new Map<number, ScannedStruct[]>();
  for (const struct of structs) {
    const list = byClient.get(struct.client) ?? [];
    list.push(struct);
    byClient.set(struct.client, list);
  }
  encoding.writeVarUint(e, byClient.size);
  for (const [client, list] of byClient) {
    encoding.writeVarUint(e, list.length);
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, list[0].clock);
    for (const struct of list) writeStruct(e, struct);
  }
  encoding.writeVarUint(e, deletes.size);
  for (const [client, ranges] of deletes) {
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, ranges.length / 2);
    for (const value of ranges) encoding.writeVarUint(e, value);
  }
  return encoding.toUint8Array(e);
}

function writeStruct(e: encoding.Encoder, struct: ScannedStruct): void {
  if (struct.kind === 0) {
    encoding.writeUint8(e, 0);
    encoding.writeVarUint(e, struct.length);
    return;
  }
  const info = (struct.kind & 31) | (struct.origin ? BIT8 : 0) | (struct.rightOrigin ? BIT7 : 0) | (struct.key !== null ? BIT6 : 0);
  encoding.writeUint8(e, info);
  for (const id of [struct.origin, struct.rightOrigin]) {
    if (!id) continue;
    encoding.writeVarUint(e, id[0]);
    encoding.writeVarUint(e, id[1]);
  }
  if (!struct.origin && !struct.rightOrigin) {
    if (struct.parentRoot !== null) {
      encoding.writeVarUint(e, 1);
      encoding.writeVarString(e, struct.parentRoot);
    } else {
      const [client, clock] = struct.parentItem ?? [0, 0];
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, client);
      encoding.writeVarUint(e, clock);
    }
    if (struct.key !== null) encoding.writeVarString(e, struct.key);
  }
  switch (struct.kind) {
    case Content.deleted:
      encoding.writeVarUint(e, struct.length);
      return;
    case Content.string:
      encoding.writeVarString(e, struct.text ?? 'x'.repeat(struct.length));
      return;
    case Content.format:
      encoding.writeVarString(e, struct.format?.[0] ?? 'bold');
      encoding.writeVarString(e, JSON.stringify(struct.format?.[1] ?? null));
      return;
    case Content.type:
      encoding.writeVarUint(e, struct.typeRef ?? 6);
      if (TYPE_WITH_KEY.has(struct.typeRef ?? 6)) encoding.writeVarString(e, struct.name ?? 'paragraph');
      return;
    case Content.any:
      encoding.writeVarUint(e, struct.values?.length ?? 0);
      for (const value of struct.values ?? []) encoding.writeAny(e, value as Parameters<typeof encoding.writeAny>[1]);
      return;
    case Content.json:
      // (a test's convention: the JSON text as is, in `text`, so that it may nest deeper than JSON.stringify recurses)
      encoding.writeVarUint(e, 1);
      encoding.writeVarString(e, struct.text ?? 'null');
      return;
    default:
      throw new Error(`writeUpdate: no writer for content ${struct.kind}`);
  }
}
