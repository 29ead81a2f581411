// What becomes of a writer's change before it is stored: merged with what the
// connection already has waiting, checked against the document's rules,
// held while it cannot be placed yet, admitted in its sender's name, judged
// (修订) when its sender may only suggest, counted against the size limit,
// then handed to the write pipeline.
import type { Logger } from 'pino';
import * as Y from 'yjs';
import type { BodyAccess } from '../../shared/access.js';
import { CloseCode } from '../../shared/collab.js';
import { admitUpdate } from './authorship.js';
import type { Connection } from './Connection.js';
import { LimitError } from './LimitError.js';
import { checkPlacement } from './placement.js';
import { inspectUpdate, type UpdateAttribution } from './protocol.js';
import type { RoomLog } from './RoomLog.js';
import type { ScannedStruct } from './scanUpdate.js';
import { checkSuggestOnly, mentionsSuggestions, writesSuggestionsOf } from './suggestionRules.js';
import { checkDeletesKnown, checkUpdateShape } from './updateRules.js';
import { WaitingChanges } from './WaitingChanges.js';
import type { Step, WritePipeline } from './WritePipeline.js';

export interface ChangeIntakeOptions {
  documentId: string;
  doc: Y.Doc;
  logger: Logger;
  pipeline: WritePipeline;
  log: RoomLog;
  /** Other instances write to the log too: a change forwarded in others' names makes the room read it. */
  sharedLog: boolean;
  /** Which account each Yjs client id of the document belongs to. */
  clientAuthors: Map<number, string>;
  /** Whether the connection is still one of the room's. */
  isMember: (connection: Connection) => boolean;
  /** What the connection may do to the body now (it changes with status, role and suggestOnly). */
  access: (connection: Connection) => BodyAccess;
  /** Closes a connection for something it sent. */
  reject: (connection: Connection, code: number, reason: string) => void;
  /** Tells a connection that may only suggest that a change of its was not taken. */
  refuse: (connection: Connection, reason: string) => void;
  /** A change that writes suggestions of its sender's was taken (for notifications). */
  suggested: (connection: Connection) => void;
}

export class ChangeIntake {
  /** Changes that cannot be placed until what they depend on arrives. */
  private readonly waiting = new WaitingChanges();
  /** What clients' changes taken but not applied yet write (they are placed against these too). */
  private readonly staged = new Set<ScannedStruct[]>();
  private retryScheduled = false;

  constructor(private readonly options: ChangeIntakeOptions) {}

  /**
   * A writer's change (null: nothing in it). Throws RuleError or LimitError
   * for a change its sender is closed for.
   */
  take(connection: Connection, sent: Uint8Array | null, attribution: UpdateAttribution, frame: number): void {
    const { doc, pipeline, log } = this.options;
    const waiting = this.waiting.take(connection);
    if (waiting && sent === null) ({ update: sent, attribution } = waiting);
    else if (waiting && sent !== null) {
      sent = Y.mergeUpdates([waiting.update, sent]);
      attribution = inspectUpdate(sent);
    }
    if (sent === null) {
      this.acknowledgeOnly(connection, frame);
      return;
    }
    const { shape } = attribution;
    checkUpdateShape(shape);
    checkDeletesKnown(shape, doc);
    if (checkPlacement(shape, doc, this.staged) === 'waits') {
      this.waiting.hold(connection, { update: sent, attribution, frame });
      return;
    }
    const { update, attribution: admitted } = this.admit(connection, sent, attribution);
    if (update === null) {
      this.acknowledgeOnly(connection, frame);
      return;
    }
    // 修订: judged as merged with what the connection had waiting, as it would be stored.
    if (this.options.access(connection) === 'suggest') {
      const verdict = checkSuggestOnly(doc, update, connection.user.username);
      if (!verdict.ok && verdict.waits) {
        // It builds on a change not applied yet (often its sender's previous one, still being stored).
        this.waiting.hold(connection, { update: sent, attribution, frame });
        return;
      }
      if (!verdict.ok) {
        this.options.refuse(connection, verdict.reason);
        this.acknowledgeOnly(connection, frame);
        return;
      }
    }
    // Whoever writes them (an editor may suggest of their own accord), new suggestions are told to the reviewers.
    // The scan's formatting keys rule out nearly every keystroke before the update is decoded again.
    if (mentionsSuggestions(shape.formatKeys) && writesSuggestionsOf(update, connection.user.username)) this.options.suggested(connection);
    log.reserve(update.length);
    this.staged.add(shape.structs);
    pipeline.submit({ kind: 'client', update, from: connection, frame, attribution: admitted, structs: shape.structs });
  }

  /** A frame with nothing to store: acknowledged in its turn (after a change the connection has waiting). */
  acknowledgeOnly(connection: Connection, frame: number): void {
    if (this.waiting.extend(connection, frame)) return;
    this.options.pipeline.submit({ kind: 'ackOnly', from: connection, frame });
  }

  /** A client's change is applied (or dropped): later changes are no longer placed against it. */
  settled(step: Extract<Step, { kind: 'client' }>): void {
    this.staged.delete(step.structs);
  }

  /** The connection left: what it has waiting is dropped. */
  drop(connection: Connection): void {
    this.waiting.drop(connection);
  }

  /** Checks the waiting changes again, once the change being applied is done (the document changed). */
  retryWaiting(): void {
    if (this.waiting.size === 0 || this.retryScheduled) return;
    this.retryScheduled = true;
    queueMicrotask(() => {
      this.retryScheduled = false;
      for (const connection of this.waiting.connections()) {
        const change = this.waiting.take(connection);
        if (!change || !connection.isOpen || !this.options.isMember(connection)) continue;
        // Its sender may no longer write (made a viewer, the document approved): dropped as theirs would be now.
        if (this.options.access(connection) === 'read') {
          this.acknowledgeOnly(connection, change.frame);
          continue;
        }
        try {
          this.take(connection, change.update, change.attribution, change.frame);
        } catch (err) {
          const code = err instanceof LimitError ? err.code : CloseCode.invalidChange;
          this.options.reject(connection, code, err instanceof Error ? err.message : 'unplaceable change');
        }
      }
    });
  }

  /**
   * What of a client's change is stored in its sender's name (authorship.ts):
   * structs the document has are nobody's claim, others' new structs are left
   * for their authors to deliver (another instance may have stored them: the
   * room reads the log for them).
   */
  private admit(connection: Connection, update: Uint8Array, attribution: UpdateAttribution) {
    const { doc, logger, documentId, clientAuthors, sharedLog, log } = this.options;
    const admitted = admitUpdate(update, attribution, connection.user.id, clientAuthors, doc);
    if (admitted.foreign.length > 0) {
      logger.info({ documentId, user: connection.user.username, clients: admitted.foreign }, 'left out changes a member forwarded in the name of others');
      if (sharedLog) void log.catchUp().catch(() => undefined);
    }
    return admitted;
  }
}
