import type { ContentDto, DocumentDto, DocumentSummaryDto, MemberDto, Role } from '../../shared/api.js';
import type { TemplateId, TemplateInfo } from '../../shared/templates.js';
import { request } from './request.js';

const documentPath = (id: string) => `/api/documents/${encodeURIComponent(id)}`;
const memberPath = (id: string, username: string) => `${documentPath(id)}/members/${encodeURIComponent(username)}`;

export const listTemplates = () => request<TemplateInfo[]>('/api/templates');

export const listDocuments = () => request<DocumentSummaryDto[]>('/api/documents');

export const createDocument = (title: string, template: TemplateId) => request<DocumentDto>('/api/documents', { method: 'POST', body: { title, template } });

export const getDocument = (id: string) => request<DocumentDto>(documentPath(id));

/** The current content as the server holds it: JSON, HTML and plain text. */
export const getContent = (id: string) => request<ContentDto>(`${documentPath(id)}/content`);

export const renameDocument = (id: string, title: string) => request<unknown>(documentPath(id), { method: 'PATCH', body: { title } });

export const deleteDocument = (id: string) => request<unknown>(documentPath(id), { method: 'DELETE' });

export const listMembers = (id: string) => request<MemberDto[]>(`${documentPath(id)}/members`);

export const setMemberRole = (id: string, username: string, role: Role) => request<unknown>(memberPath(id, username), { method: 'PUT', body: { role } });

export const removeMember = (id: string, username: string) => request<unknown>(memberPath(id, username), { method: 'DELETE' });

/** Hands a draft to the committee: its status becomes in_review (owners and editors). */
export const submitForReview = (id: string) => request<DocumentDto>(`${documentPath(id)}/submit`, { method: 'POST' });

/** 修订: the owner asks every editor to suggest rather than edit (`true`), or lets them edit again. */
export const setSuggestOnly = (id: string, suggestOnly: boolean) => request<unknown>(`${documentPath(id)}/review`, { method: 'PUT', body: { suggestOnly } });
