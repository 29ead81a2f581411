import type { AccountStore } from './AccountStore.js';
import type { DocumentRecordStore } from './DocumentRecordStore.js';
import type { CommentStore } from './CommentStore.js';
import type { DocumentStore } from './DocumentStore.js';
import type { SectionStore } from './SectionStore.js';
import type { VersionStore } from './VersionStore.js';

/** Everything the server keeps, behind one handle per technology. */
export interface Storage {
  readonly kind: 'sqlite' | 'postgres';
  readonly accounts: AccountStore;
  readonly records: DocumentRecordStore;
  readonly documents: DocumentStore;
  readonly versions: VersionStore;
  readonly comments: CommentStore;
  readonly sections: SectionStore;
  /** Commits what is pending and releases the database. */
  close(): Promise<void>;
}
