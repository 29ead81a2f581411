// Room: joining readers answered from the stored state.
import pino from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { Connection } from './Connection.js';
import { Room } from './Room.js';
import { ControlledStore, paragraphUpdate, textOf } from './roomTestFixtures.js';
import { TestSocket } from './testSocket.js';

describe('Room', () => {
  it('sends a reader answered from the stored state whatever reached the room after the load, and nothing more otherwise', () => {
    const store = new ControlledStore();
    const stored = paragraphUpdate('已存的');
    const room = new Room(
      { documentId: 'doc1', status: 'draft', store, logger: pino({ level: 'silent' }), compactAfterUpdates: 1000, onEmpty: vi.fn() },
      { updates: [stored], lastSeq: 1 },
    );
    const user = { id: 'id-a', username: 'a', displayName: 'A', color: '#123456' };
    const quiet = new TestSocket();
    room.join(new Connection(quiet, user, 'editor', true), true);
    expect(quiet.updates).toHaveLength(0);
    // another instance stored a change between the load and this reader's joining
    room.applyRemote({ t: 'update', update: paragraphUpdate('别处的') });
    const late = new TestSocket();
    room.join(new Connection(late, user, 'editor', true), true);
    expect(textOf(late.updates)).toContain('别处的');
    expect(textOf(late.updates)).not.toContain('已存的');
    room.awareness.destroy();
  });
});
