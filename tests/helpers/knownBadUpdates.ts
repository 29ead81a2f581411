// Yjs updates reported publicly as hanging or crashing a decoder, as the
// payload of a y-websocket sync message (step 0: a state vector, 1: sync step
// 2, 2: an update). The server reads every update as v1 and every step 0 as a
// v1 state vector, so the V2 reproductions arrive here as v1 garbage.
//
// - yjs #479, https://github.com/yjs/yjs/issues/479
//   Buffer.from('garbagedoc', 'base64') passed to Y.applyUpdate.
// - yjs #498, https://github.com/yjs/yjs/issues/498
//   A zero-length update passed to Y.applyUpdate.
// - yjs #687, https://github.com/yjs/yjs/issues/687
//   Run-length-encoding bombs. The bytes are the five cases in the test file
//   of its PR, https://github.com/yjs/yjs/pull/688 (tests/limits.tests.js);
//   the first is also given in hex in the issue. Four are V2 updates, one a
//   v1 update; the issue feeds them to mergeUpdates(V2) or applyUpdateV2.
// - hocuspocus #444, https://github.com/ueberdosis/hocuspocus/pull/444
//   (a pull request): a text message 'ϩ' (UTF-8 cf a9) sent before
//   authentication crashed the server with "Integer out of range!" when it
//   read the message type. Here the same two bytes are the update.

export interface KnownBadUpdate {
  /** Where it was reported, e.g. 'yjs #479'. */
  source: string;
  /** One line: what it is. */
  what: string;
  /** The sync step to send it as: 0 = step 1 (state vector), 1 = step 2, 2 = update. */
  step: 0 | 1 | 2;
  payload: Uint8Array;
}

const hex = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'hex'));

export const KNOWN_BAD_UPDATES: KnownBadUpdate[] = [
  {
    source: 'yjs #479',
    what: "Buffer.from('garbagedoc', 'base64'): 7 bytes of garbage that hung Y.applyUpdate in lib0",
    step: 2,
    payload: new Uint8Array(Buffer.from('garbagedoc', 'base64')),
  },
  {
    source: 'yjs #498',
    what: 'a zero-length update (new Uint8Array()) that hung Y.applyUpdate in readVarUint',
    step: 1,
    payload: new Uint8Array(0),
  },
  {
    source: 'yjs #498',
    what: 'the same zero-length payload sent as a state vector (sync step 1)',
    step: 0,
    payload: new Uint8Array(0),
  },
  {
    source: 'yjs #687',
    what: 'V2 update declaring 4398046511101 structs; Y.mergeUpdatesV2([emptyV2, it]) ran forever',
    step: 2,
    payload: hex('00010000000001000100010200001602000001fdffffffff7f0000'),
  },
  {
    source: 'yjs #687',
    what: 'v1 update declaring 265828 client sections; Y.mergeUpdates([emptyV1, it]) must throw',
    step: 2,
    payload: hex('e49c100005ffff0500010000000101000000ed000000010100feb8c2e9ad87d91200000101ffedf6'),
  },
  {
    source: 'yjs #687',
    what: 'V2 update declaring 7658324286 client sections; Y.mergeUpdatesV2([emptyV2, it]) must throw',
    step: 2,
    payload: hex('e4950000011800000100010000010000ed01be82e3c31c0102e49500000118000001180000010001ed00'),
  },
  {
    source: 'yjs #687',
    what: 'V2 update with a GC struct of length 553253; Y.mergeUpdatesV2([emptyV2, it]) must throw',
    step: 2,
    payload: hex('8f018000000001aa010001020000160200e5c44314e7a68b93aeb5fd5de8269a8a590031d50f120130000000'),
  },
  {
    source: 'yjs #687',
    what: 'V2 update declaring 267854847 structs in one section; Y.applyUpdateV2 must throw',
    step: 2,
    payload: hex('00012300000001028100001000c7dc00c47a800041abead60001000001000084000010ffc7dcff000000'),
  },
  {
    source: 'hocuspocus #444',
    what: "the text message 'ϩ' (cf a9, an unfinished varint) that crashed Hocuspocus pre-auth, here as an update",
    step: 2,
    payload: hex('cfa9'),
  },
];
