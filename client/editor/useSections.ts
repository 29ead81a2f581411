// The document's sections (分工) for the outline and the page's margin: the
// live 一、 and （一） of the editor (numbers, titles, 字数 and open threads as
// anyone types) with their assignments from the server, fetched again when
// the server says they changed ('sections', and after a restore). A change is
// shown at once and replaced by the server's answer; a refusal is told in
// words and the assignments are fetched again.
import { isChangeOrigin } from '@tiptap/extension-collaboration';
import type { Transaction } from '@tiptap/pm/state';
import type { Editor } from '@tiptap/react';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonDto, SectionDto, SectionUpdateDto } from '../../shared/api.js';
import { ApiError } from '../../shared/ApiError.js';
import { listSections, updateSection } from '../http/sectionsApi.js';
import { useErrorMessage } from '../lib/useErrorMessage.js';
import { useResource, type Resource } from '../lib/useResource.js';
import { commentHighlightsKey } from './CommentHighlights.js';
import { keepUnchanged, openThreadStarts, outlineSections, type OutlineSection } from './sectionOutline.js';
import { readThrottled } from './throttledReads.js';

export interface Sections {
  records: Resource<SectionDto[]>;
  /** The live document's sections, in order (useLiveSectionList reads them). */
  live: LiveSections;
  /** Sections whose heading was deleted, kept with their assignment. */
  removed: SectionDto[];
  /** Changes a section; false when the server refused (the user has been told why). */
  update: (sectionId: string, change: SectionUpdateDto) => Promise<boolean>;
}

/**
 * The editor's live sections, read again after changes to its body or its comment passages (at most every
 * SECTIONS_READ_EVERY_MS) and kept apart from the page's state: what shows them (the outline, the margin)
 * subscribes, and the rest of the page does not draw again for a keystroke (which changes its section's 字数).
 */
export class LiveSections {
  private list: OutlineSection[] = [];
  private readonly listeners = new Set<() => void>();

  /** The sections now: unchanged ones stay the same objects, and the list itself when none changed. */
  readonly get = (): OutlineSection[] => this.list;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  /** Reads the sections again, telling the subscribers when they changed. */
  read(editor: Editor | null, records: SectionDto[] | undefined): void {
    const next = editor && !editor.isDestroyed ? outlineSections(editor.state.doc, openThreadStarts(editor.state), records) : [];
    const kept = keepUnchanged(this.list, next);
    if (kept === this.list) return;
    this.list = kept;
    for (const listener of this.listeners) listener();
  }
}

/** The live sections, drawing the component again when they change. */
export const useLiveSectionList = (sections: LiveSections): readonly OutlineSection[] => useSyncExternalStore(sections.subscribe, sections.get);

/** At most how often the sections are read while the document keeps changing (ms; readThrottled). */
const SECTIONS_READ_EVERY_MS = 250;

function useLiveSections(editor: Editor | null, records: SectionDto[] | undefined): LiveSections {
  const [live] = useState(() => new LiveSections());
  const recordsRef = useRef(records);
  recordsRef.current = records;
  useEffect(() => {
    live.read(editor, records);
  }, [live, editor, records]);
  useEffect(() => {
    if (!editor) return;
    return readThrottled(
      editor,
      (transaction) => transaction.docChanged || !!transaction.getMeta(commentHighlightsKey),
      () => live.read(editor, recordsRef.current),
      SECTIONS_READ_EVERY_MS,
    );
  }, [live, editor]);
  return live;
}

/** The codes the sections API answers a refused change with, and what to say. */
const REFUSALS: Record<string, string> = {
  section_removed: 'sections.errors.removed',
  section_not_found: 'sections.errors.removed',
  document_approved: 'sections.errors.approved',
  invalid_assignee: 'sections.errors.invalidAssignee',
};

/** The change as it will look once made: new assignees with their names and colours from the members. */
function applied(record: SectionDto, change: SectionUpdateDto, people: readonly PersonDto[]): SectionDto {
  const next = { ...record, ...change };
  if (change.assignees) {
    next.people = change.assignees.flatMap(
      (username) => record.people.find((p) => p.username === username) ?? people.find((p) => p.username === username) ?? [],
    );
  }
  return next;
}

/** `people`: the document's members, for the avatars of new assignees until the server answers. */
export function useSections(documentId: string, editor: Editor | null, people: readonly PersonDto[], tell: (message: string) => void): Sections {
  const { t } = useTranslation();
  const peopleRef = useRef(people);
  peopleRef.current = people;
  const describeError = useErrorMessage();
  const load = useCallback(() => listSections(documentId), [documentId]);
  const records = useResource(load, documentId);
  const live = useLiveSections(editor, records.data);
  const removed = useMemo(() => (records.data ?? []).filter((record) => record.removed), [records.data]);
  const { setData, reload } = records;

  const update = useCallback(
    async (sectionId: string, change: SectionUpdateDto) => {
      const patch = (list: SectionDto[] | undefined, next: (record: SectionDto) => SectionDto) =>
        list?.map((record) => (record.id === sectionId ? next(record) : record));
      setData((list) => patch(list, (record) => applied(record, change, peopleRef.current)));
      try {
        const answer = await updateSection(documentId, sectionId, change);
        setData((list) => (list?.some((record) => record.id === sectionId) ? patch(list, () => answer) : [...(list ?? []), answer]));
        return true;
      } catch (error) {
        const code = error instanceof ApiError ? error.code : '';
        const status = error instanceof ApiError ? error.status : 0;
        const refusal = REFUSALS[code] ?? (status === 403 ? 'sections.errors.forbidden' : null);
        tell(refusal ? t(refusal as never) : t('sections.errors.failed', { detail: describeError(error) }));
        void reload();
        return false;
      }
    },
    [documentId, setData, reload, tell, t, describeError],
  );

  return { records, live, removed, update };
}

/**
 * Typing in a section assigned to this user that is still 待写 makes it
 * 起草中 (once: not a request per key).
 */
export function useStartDrafting(editor: Editor | null, sections: Sections, username: string): void {
  const { live, update } = sections;
  const [asked] = useState(() => new Set<string>());
  useEffect(() => {
    if (!editor) return;
    // asked again once the server has it otherwise: set back to 待写 later, the next typing moves it again
    const forget = () => {
      for (const section of live.get()) if (section.record && section.record.status !== 'todo') asked.delete(section.record.id);
    };
    forget();
    const stopForgetting = live.subscribe(forget);
    const onUpdate = ({ transaction }: { transaction: Transaction }) => {
      if (!transaction.docChanged || isChangeOrigin(transaction) || !editor.isEditable) return;
      const index = editor.state.selection.$from.index(0);
      for (const section of live.get()) {
        const record = section.record;
        if (!record || record.status !== 'todo' || !record.assignees.includes(username) || asked.has(record.id)) continue;
        if (index < section.index || index >= section.endIndex) continue;
        asked.add(record.id);
        void update(record.id, { status: 'drafting' });
      }
    };
    editor.on('update', onUpdate);
    return () => {
      stopForgetting();
      editor.off('update', onUpdate);
    };
  }, [editor, live, update, username, asked]);
}
