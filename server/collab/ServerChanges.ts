// Changes the server makes to a room's document on someone's behalf (taking
// over typed heading numbers, a restore): each gets a Yjs client id of its
// own, attributed to that account, and is stored and relayed like a member's
// change (the room sees it as a document update of origin `origin`).
import * as Y from 'yjs';

export class ServerChanges {
  /** Who the change being applied is for (null outside one, or for nobody). */
  private author: string | null = null;

  constructor(
    private readonly doc: Y.Doc,
    /** Which account each Yjs client id of the document belongs to. */
    private readonly clientAuthors: Map<number, string>,
    private readonly origin: symbol,
  ) {}

  get currentAuthor(): string | null {
    return this.author;
  }

  /** Makes `change` now, as `userId`, under a fresh client id. */
  make(userId: string | null, change: (doc: Y.Doc) => void): void {
    this.doc.clientID = this.newClientId(userId);
    this.as(userId, () => Y.transact(this.doc, () => change(this.doc), this.origin));
  }

  /** Applies a change computed elsewhere (against an earlier state, so that what people typed since merges with it). */
  apply(userId: string | null, update: Uint8Array): void {
    this.as(userId, () => Y.applyUpdate(this.doc, update, this.origin));
  }

  /** A client id nobody uses yet, attributed to `userId`. */
  newClientId(userId: string | null): number {
    let id: number;
    do id = Math.floor(Math.random() * 0xffffffff);
    while (this.clientAuthors.has(id));
    if (userId) this.clientAuthors.set(id, userId);
    return id;
  }

  private as(userId: string | null, work: () => void): void {
    this.author = userId;
    try {
      work();
    } finally {
      this.author = null;
    }
  }
}
