import type { ApprovalDto, ApprovalWarningsDto, DocumentDto } from '../../shared/api.js';
import { request } from './request.js';

const documentPath = (id: string) => `/api/documents/${encodeURIComponent(id)}`;

/** What is unfinished: unfilled placeholders, open comment threads, sections of 分工 not 已完成 (any member). */
export const getApprovalWarnings = (id: string) => request<ApprovalWarningsDto>(`${documentPath(id)}/approval`);

/** Freezes the document as an approved version; from then on nobody can change it until it is reopened (owner). */
export const approveDocument = (id: string) => request<ApprovalDto>(`${documentPath(id)}/approve`, { method: 'POST' });

/** A new round: the document is a draft again; the approved version stays (owner). */
export const reopenDocument = (id: string) => request<DocumentDto>(`${documentPath(id)}/reopen`, { method: 'POST' });
