// Sections and their assignment (分工): who writes which 一、/（一）, how far it is, by when.
import type { SectionDto, SectionUpdateDto } from '../../shared/api.js';
import { request } from './request.js';

const sectionsPath = (id: string) => `/api/documents/${encodeURIComponent(id)}/sections`;

/** The document's sections in order, then those whose heading was deleted (`removed: true`). */
export const listSections = (documentId: string) => request<SectionDto[]>(`${sectionsPath(documentId)}?include=removed`);

export const updateSection = (documentId: string, sectionId: string, change: SectionUpdateDto) =>
  request<SectionDto>(`${sectionsPath(documentId)}/${encodeURIComponent(sectionId)}`, { method: 'PUT', body: change });
