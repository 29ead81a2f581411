import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docHasChangesBeyond } from './localChanges.js';

/** A server copy with some text, and a member's copy synced with it. */
function pair(): { server: Y.Doc; member: Y.Doc } {
  const server = new Y.Doc();
  server.getText('t').insert(0, '参政议政更主动，民主监督更有效');
  const member = new Y.Doc();
  Y.applyUpdate(member, Y.encodeStateAsUpdate(server));
  return { server, member };
}

const sync = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));

describe('docHasChangesBeyond', () => {
  it('finds nothing when both copies hold the same changes', () => {
    const { server, member } = pair();
    expect(docHasChangesBeyond(member, server)).toBe(false);
  });

  it('finds text typed here that never reached the server', () => {
    const { server, member } = pair();
    member.getText('t').insert(0, '定稿之后');
    expect(docHasChangesBeyond(member, server)).toBe(true);
  });

  it('finds a deletion made here that the server never applied', () => {
    const { server, member } = pair();
    member.getText('t').delete(0, 2);
    expect(docHasChangesBeyond(member, server)).toBe(true);
  });

  it('finds a deletion of text the server does not have either', () => {
    const { server, member } = pair();
    member.getText('t').insert(0, '多余');
    member.getText('t').delete(0, 2);
    expect(docHasChangesBeyond(member, server)).toBe(true);
  });

  it('does not count what the server has and this copy has not received yet', () => {
    const { server, member } = pair();
    server.getText('t').insert(0, '别人写的');
    server.getText('t').delete(10, 3);
    expect(docHasChangesBeyond(member, server)).toBe(false);
  });

  it('counts nothing once the server has stored the changes made here', () => {
    const { server, member } = pair();
    member.getText('t').insert(3, '切实');
    member.getText('t').delete(0, 1);
    member.getText('t').delete(5, 2);
    sync(member, server);
    server.getText('t').delete(2, 4);
    sync(server, member);
    expect(docHasChangesBeyond(member, server)).toBe(false);
  });
});
