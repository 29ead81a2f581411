// What the editor page does with the server's events on the document's socket
// (useDocumentEvents): reload what changed (threads, notifications, the
// document with its 修订-only setting and its members, the version history, the sections' assignments), and tell of a restore made
// by someone else. The threads are also fetched again when the window regains
// focus, and anything that failed to load is retried once connected again.
import type { WebsocketProvider } from 'y-websocket';
import type { DocumentDto, MemberDto, SectionDto } from '../../shared/api.js';
import type { Comments } from '../comments/useComments.js';
import { useRefreshOnFocus } from '../lib/useRefreshOnFocus.js';
import type { Resource } from '../lib/useResource.js';
import { useNotifications } from '../notifications/notificationsContext.js';
import type { RestoreEvent } from '../versions/RestoredNotice.js';
import type { VersionHistory } from '../versions/useVersionHistory.js';
import type { ConnectionState } from './connectionState.js';
import { useDocumentEvents } from './useDocumentEvents.js';
import { useRetryWhenConnected } from './useRetryWhenConnected.js';

const THREADS_REFRESH_MS = 60_000;

interface EditorPageResources {
  provider: WebsocketProvider | null;
  connection: ConnectionState;
  /** The user of this page: a restore of theirs is not news to them. */
  username: string;
  comments: Comments;
  meta: Resource<DocumentDto>;
  members: Resource<MemberDto[]>;
  history: VersionHistory;
  historyOpen: boolean;
  /** The sections' assignments (分工). */
  sections: Resource<SectionDto[]>;
  /** Someone else restored a version. */
  onRestoredByOther: (event: RestoreEvent) => void;
  /** The server refused a change of this page's copy (it may only suggest now): the copy is rebuilt. */
  onRefused: () => void;
}

export function useEditorPageEvents({
  provider,
  connection,
  username,
  comments,
  meta,
  members,
  history,
  historyOpen,
  sections,
  onRestoredByOther,
  onRefused,
}: EditorPageResources): void {
  const notifications = useNotifications();
  useDocumentEvents(provider, (event) => {
    if (event.type === 'comments') void comments.threads.reload();
    else if (event.type === 'sections') void sections.reload();
    else if (event.type === 'notifications') notifications?.refresh();
    // Accepted or rejected suggestions arrive in the text through Yjs, and the 修订 pane reads them from there: nothing to fetch.
    else if (event.type === 'suggestions') return;
    else if (event.type === 'restored') {
      void history.refresh();
      // a restore brings back the headings (and the assignments) of its version
      void sections.reload();
      // The restorer has the toast; everyone else is told what replaced their text and where it went.
      if (event.by.username !== username) onRestoredByOther(event);
    } else {
      // a refused change: this member may only suggest now (in review, or the owner asked), which the document says
      if (event.type === 'refused') onRefused();
      void meta.reload();
      void members.reload();
      // an approval or a reopening adds a version (定稿): an open history shows it
      if (event.type === 'document' && historyOpen) void history.refresh();
    }
  });
  useRefreshOnFocus(() => void comments.threads.reload(), THREADS_REFRESH_MS);
  useRetryWhenConnected(connection, [comments.threads, meta, members, sections]);
}
