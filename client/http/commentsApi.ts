import type { ThreadDto } from '../../shared/api.js';
import { request } from './request.js';

const threadsPath = (id: string) => `/api/documents/${encodeURIComponent(id)}/comments`;
const threadPath = (id: string, threadId: string) => `${threadsPath(id)}/${encodeURIComponent(threadId)}`;

/** A passage as the editor selected it: two Yjs relative positions (JSON). */
export interface AnchorDto {
  start: unknown;
  end: unknown;
}

/** Every thread of the document, oldest first. */
export const listThreads = (id: string) => request<ThreadDto[]>(threadsPath(id));

/** A new thread on the selected passage. */
export const createThread = (id: string, body: string, anchor: AnchorDto) => request<ThreadDto>(threadsPath(id), { method: 'POST', body: { body, anchor } });

/** Answers with the whole thread. */
export const replyToThread = (id: string, threadId: string, body: string) =>
  request<ThreadDto>(`${threadPath(id, threadId)}/replies`, { method: 'POST', body: { body } });

export const setThreadResolved = (id: string, threadId: string, resolved: boolean) =>
  request<ThreadDto>(`${threadPath(id, threadId)}/${resolved ? 'resolve' : 'reopen'}`, { method: 'POST' });
