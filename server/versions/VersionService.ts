// Versions of a document: taking them (named, automatic, on approval),
// listing, reading, comparing and restoring, with access checked here.
import type { JSONContent } from '@tiptap/core';
import { Node } from '@tiptap/pm/model';
import { updateYFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import type { DiffDto, DiffSideDto, PersonDto, VersionDetailDto, VersionDto, VersionKind } from '../../shared/api.js';
import { colorForUser } from '../../shared/colors.js';
import { BODY_FRAGMENT, schema } from '../../shared/schema.js';
import { listSuggestions } from '../../shared/suggestions.js';
import { isValidId, newId } from '../ids.js';
import type { RoomRegistry } from '../collab/RoomRegistry.js';
import type { DocumentAccess } from '../access/DocumentAccess.js';
import { keepKnownTypes, renderContent } from '../documents/renderContent.js';
import { conflict, forbidden, notFound } from '../errors.js';
import { canRestoreVersion } from '../../shared/access.js';
import { deleterOf } from '../store/deletions.js';
import type { UserRecord } from '../store/records.js';
import type { Storage } from '../store/Storage.js';
import type { RestoredFrom, StoredVersion, VersionRecord } from '../store/VersionStore.js';
import { resolveAnchor } from '../comments/anchors.js';
import { blocksOf } from './blocksOf.js';
import { diffBlocks } from './diffBlocks.js';
import { apiName, restoredFromDto } from './versionNames.js';

const iso = (ms: number) => new Date(ms).toISOString();

export class VersionService {
  constructor(
    private readonly storage: Storage,
    private readonly registry: RoomRegistry,
    private readonly access: DocumentAccess,
    private readonly now: () => number = Date.now,
  ) {}

  async list(documentId: string, user: UserRecord, page: { limit: number; before?: string }): Promise<VersionDto[]> {
    await this.access.require(documentId, user);
    const records = await this.storage.versions.listVersions(documentId, page);
    const people = await this.people(records.flatMap((r) => [...r.authors, ...(r.createdBy ? [r.createdBy] : [])]));
    return records.map((r) => this.dto(r, people));
  }

  async get(documentId: string, user: UserRecord, versionId: string): Promise<VersionDetailDto> {
    await this.access.require(documentId, user);
    const version = await this.find(documentId, versionId);
    const people = await this.people([...version.authors, ...(version.createdBy ? [version.createdBy] : [])]);
    const json = JSON.parse(version.json) as JSONContent;
    // who proposed what is still pending in it, so that a reader sees each suggestion in its author's colour
    const suggested = listSuggestions(Node.fromJSON(schema, keepKnownTypes(json))).map((s) => s.author);
    return {
      ...this.dto(version, people),
      json,
      html: version.html,
      text: version.text,
      comments: await this.commentsIn(version),
      suggestionAuthors: await this.peopleByUsername(suggested),
    };
  }

  /** A version as the API shows it. */
  async describe(record: VersionRecord): Promise<VersionDto> {
    return this.dto(record, await this.people([...record.authors, ...(record.createdBy ? [record.createdBy] : [])]));
  }

  /** A named version of the current state (owner, editor). */
  async createNamed(documentId: string, user: UserRecord, name: string): Promise<VersionDto> {
    await this.access.require(documentId, user, 'saveVersion');
    const record = await this.take(documentId, 'named', name, user.id);
    return this.dto(record, await this.people([...record.authors, user.id]));
  }

  /** Takes a version of the document as it is now; editing goes on meanwhile. */
  async take(
    documentId: string,
    kind: VersionKind,
    name: string | null,
    createdBy: string | null,
    /** What the server made it from: the version a restore brought back, or the file an import read. */
    origin: { restoredFrom?: RestoredFrom; importedFrom?: string } = {},
  ): Promise<VersionRecord> {
    return this.registry.withRoom(documentId, async (room) => {
      await room.flushed();
      // scaled out: what other instances stored is in the version too
      await room.catchUp();
      const content = renderContent(room.body);
      return this.storage.versions.createVersion({
        id: newId(),
        documentId,
        kind,
        name,
        createdAt: this.now(),
        createdBy,
        state: Y.encodeStateAsUpdate(room.doc),
        json: JSON.stringify(content.json),
        html: content.html,
        text: content.text,
        restoredFrom: origin.restoredFrom ?? null,
        importedFrom: origin.importedFrom ?? null,
      });
    });
  }

  /** An automatic version, when something changed since the last one. */
  async takeAutomatic(documentId: string): Promise<VersionRecord | null> {
    if ((await this.storage.versions.pendingAuthors(documentId)).length === 0) return null;
    return this.take(documentId, 'auto', null, null);
  }

  /**
   * Makes the current content equal to the version's, as an ordinary edit
   * made on the restorer's behalf: whatever others type meanwhile merges with
   * it. The state before is kept as a version, and so is the restored one.
   */
  async restore(documentId: string, user: UserRecord, versionId: string): Promise<VersionDto> {
    const { role, record } = await this.access.require(documentId, user, 'restoreVersion');
    if (record.status === 'approved') throw conflict('document_approved', 'The document is approved: reopen it before restoring a version.');
    // 修订: a restore changes the body directly, which one who may only suggest may not do.
    if (!canRestoreVersion(role, record.status, record.suggestOnly)) {
      throw forbidden(
        'suggest_only',
        'Only suggestions can be made now (the document is in review, or the owner asked for suggestions only): only the owner can restore a version.',
      );
    }
    const version = await this.find(documentId, versionId);
    const target = Node.fromJSON(schema, keepKnownTypes(JSON.parse(version.json)));
    return this.registry.withRoom(documentId, async (room) => {
      await room.flushed();
      // The restore is computed against the state at this moment, on a copy: whatever
      // arrives meanwhile is concurrent to it and merges, so nobody's typing is lost.
      const base = Y.encodeStateAsUpdate(room.doc);
      const scratch = new Y.Doc();
      Y.applyUpdate(scratch, base);
      scratch.clientID = room.newClientId(user.id);
      const edits: Uint8Array[] = [];
      scratch.on('update', (update: Uint8Array) => edits.push(update));
      scratch.transact(() => {
        updateYFragment(scratch, scratch.getXmlFragment(BODY_FRAGMENT), target, { mapping: new Map(), isOMark: new Map() });
      });
      scratch.destroy();
      // What is replaced stays in a version: an automatic one now, or the last one when nothing changed since.
      const backup = (await this.takeAutomatic(documentId)) ?? (await this.storage.versions.listVersions(documentId, { limit: 1 }))[0] ?? null;
      for (const edit of edits) room.applyServerUpdate(user.id, edit);
      // Stored without a name: what it brought back is kept as data, which each reader words in their language.
      const restored = await this.take(documentId, 'named', null, user.id, {
        restoredFrom: { id: version.id, name: version.name, kind: version.kind, createdAt: version.createdAt },
      });
      const people = await this.people([...restored.authors, user.id]);
      // Everyone with the document open is told who replaced the text on their screen, and where it went.
      this.registry.sendEvent(documentId, {
        type: 'restored',
        id: restored.id,
        by: people.get(user.id) ?? { username: user.username, displayName: user.displayName, color: colorForUser(user.id) },
        version: await this.describe(version),
        backup: backup ? await this.describe(backup) : null,
      });
      return this.dto(restored, people);
    });
  }

  /** What changed from version `versionId` to `against` (another version id, or "current"). */
  async diff(documentId: string, user: UserRecord, versionId: string, against: string): Promise<DiffDto> {
    await this.access.require(documentId, user);
    const from = await this.find(documentId, versionId);
    let toDoc: Y.Doc;
    let toSide: DiffSideDto;
    let until: number | null;
    if (against === 'current') {
      // a copy: the comparison reads a consistent state while people keep typing
      toDoc = await this.registry.withRoom(documentId, async (room) => {
        await room.flushed();
        return docOf(Y.encodeStateAsUpdate(room.doc));
      });
      toSide = { id: 'current', name: null, kind: 'current', createdAt: null };
      until = null;
    } else {
      const to = await this.find(documentId, against);
      toDoc = docOf(to.state);
      toSide = { id: to.id, name: apiName(to), kind: to.kind, createdAt: iso(to.createdAt), restoredFrom: restoredFromDto(to.restoredFrom) };
      until = to.createdAt;
    }
    // Always from the older side to the newer one, whichever way round they were asked for.
    const reversed = until !== null && until < from.createdAt;
    const [older, newer] = reversed ? [toDoc, docOf(from.state)] : [docOf(from.state), toDoc];
    const span: [number, number | null] = reversed ? [until!, from.createdAt] : [from.createdAt, until];
    const [clientAuthors, deletions] = await Promise.all([
      this.storage.versions.clientAuthors(documentId),
      this.storage.versions.deletionsBetween(documentId, span[0], span[1]),
    ]);
    const deletedBy = new Map([...deletions].map(([userId, list]) => [userId, Y.mergeDeleteSets(list.map((d) => Y.decodeSnapshot(d).ds))]));
    const blocks = diffBlocks(blocksOf(older.getXmlFragment(BODY_FRAGMENT)), blocksOf(newer.getXmlFragment(BODY_FRAGMENT)), {
      inserted: (client) => clientAuthors.get(client) ?? null,
      deleted: (client, clock) => deleterOf(Y.createID(client, clock), deletedBy),
    });
    const people = await this.people(blocks.flatMap((b) => b.segments.map((s) => s.author).filter((a): a is string => a !== null)));
    // the suggestions' authors are in the legend too, in their colours
    const suggestionAuthors = await this.peopleByUsername(blocks.flatMap((b) => b.segments.flatMap((s) => (s.suggestion ? [s.suggestion.author] : []))));
    const fromSide: DiffSideDto = {
      id: from.id,
      name: apiName(from),
      kind: from.kind,
      createdAt: iso(from.createdAt),
      restoredFrom: restoredFromDto(from.restoredFrom),
    };
    const count = (op: 'insert' | 'delete') =>
      blocks.reduce((n, b) => n + b.segments.filter((s) => s.op === op).reduce((m, s) => m + [...s.text].length, 0), 0);
    return {
      from: reversed ? toSide : fromSide,
      to: reversed ? fromSide : toSide,
      blocks: blocks.map((b) => ({ ...b, segments: b.segments.map((s) => ({ ...s, author: s.author ? (people.get(s.author)?.username ?? null) : null })) })),
      authors: [...new Map([...people.values(), ...suggestionAuthors].map((p) => [p.username, p])).values()],
      stats: {
        insertedChars: count('insert'),
        deletedChars: count('delete'),
        addedBlocks: blocks.filter((b) => b.status === 'added').length,
        removedBlocks: blocks.filter((b) => b.status === 'removed').length,
        modifiedBlocks: blocks.filter((b) => b.status === 'modified').length,
        newSuggestions: new Set(blocks.flatMap((b) => b.segments.flatMap((s) => (s.suggestion?.arrived ? [s.suggestion.id] : [])))).size,
      },
    };
  }

  /** The document's threads whose passage exists in a version (resolved in the version's own state). */
  private async commentsIn(version: StoredVersion): Promise<VersionDetailDto['comments']> {
    const threads = await this.storage.comments.listThreads(version.documentId);
    if (threads.length === 0) return [];
    const doc = docOf(version.state);
    const deleted = Y.createDeleteSetFromStructStore(doc.store);
    const fragment = doc.getXmlFragment(BODY_FRAGMENT);
    return threads.flatMap((t) => {
      const r = resolveAnchor(doc, fragment, t.anchor, { quote: t.quote, offset: t.anchorOffset }, deleted);
      return r.state === 'anchored' ? [{ threadId: t.id, quote: r.quote, resolved: t.resolvedAt !== null }] : [];
    });
  }

  private async find(documentId: string, versionId: string): Promise<StoredVersion> {
    const version = isValidId(versionId) ? await this.storage.versions.getVersion(documentId, versionId) : null;
    if (!version) throw notFound('version_not_found', 'No version with this id in this document.');
    return version;
  }

  private async people(userIds: string[]): Promise<Map<string, PersonDto>> {
    const people = new Map<string, PersonDto>();
    for (const id of new Set(userIds)) {
      const user = await this.storage.accounts.findUserById(id);
      if (user) people.set(id, { username: user.username, displayName: user.displayName, color: colorForUser(user.id) });
    }
    return people;
  }

  /** The accounts of these usernames (a suggestion names its author so); unknown ones are left out. */
  private async peopleByUsername(usernames: string[]): Promise<PersonDto[]> {
    const people: PersonDto[] = [];
    for (const username of new Set(usernames)) {
      const user = await this.storage.accounts.findUserByUsername(username);
      if (user) people.push({ username: user.username, displayName: user.displayName, color: colorForUser(user.id) });
    }
    return people;
  }

  private dto(record: VersionRecord, people: Map<string, PersonDto>): VersionDto {
    return {
      id: record.id,
      name: apiName(record),
      kind: record.kind,
      restoredFrom: restoredFromDto(record.restoredFrom),
      importedFrom: record.importedFrom ?? null,
      createdAt: iso(record.createdAt),
      createdBy: record.createdBy ? (people.get(record.createdBy)?.username ?? null) : null,
      creator: record.createdBy ? (people.get(record.createdBy) ?? null) : null,
      authors: record.authors.map((id) => people.get(id)).filter((p): p is PersonDto => p !== undefined),
    };
  }
}

function docOf(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}
