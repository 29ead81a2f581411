import type { DiffDto, VersionDetailDto, VersionDto } from '../../shared/api.js';
import { request } from './request.js';

const versionsPath = (id: string) => `/api/documents/${encodeURIComponent(id)}/versions`;
const versionPath = (id: string, versionId: string) => `${versionsPath(id)}/${encodeURIComponent(versionId)}`;

/** The page size the history panel asks for. */
export const VERSIONS_PAGE_SIZE = 50;

/** Newest first; `before` is the last id of the previous page. */
export function listVersions(id: string, before?: string): Promise<VersionDto[]> {
  const query = new URLSearchParams({ limit: String(VERSIONS_PAGE_SIZE) });
  if (before) query.set('before', before);
  return request<VersionDto[]>(`${versionsPath(id)}?${query}`);
}

/** A named version of the document as it is now (owners and editors). */
export const saveVersion = (id: string, name: string) => request<VersionDto>(versionsPath(id), { method: 'POST', body: { name } });

export const getVersion = (id: string, versionId: string) => request<VersionDetailDto>(versionPath(id, versionId));

/** What changed between the version and `against` ("current" or another version id), older side first. */
export const diffVersion = (id: string, versionId: string, against: string) =>
  request<DiffDto>(`${versionPath(id, versionId)}/diff?${new URLSearchParams({ against })}`);

/** Makes the document's content the version's, as an edit everyone connected sees; answers with the new version. */
export const restoreVersion = (id: string, versionId: string) => request<VersionDto>(`${versionPath(id, versionId)}/restore`, { method: 'POST' });

const SEARCH_PAGE_SIZE = 200;

/** The newest approved version, looking as far back as needed (automatic versions may follow it by the hundred); null when never approved. */
export async function latestApprovedVersion(id: string): Promise<VersionDto | null> {
  let before: string | undefined;
  for (;;) {
    const query = new URLSearchParams({ limit: String(SEARCH_PAGE_SIZE) });
    if (before) query.set('before', before);
    const page = await request<VersionDto[]>(`${versionsPath(id)}?${query}`);
    const approved = page.find((version) => version.kind === 'approved');
    if (approved) return approved;
    const last = page[page.length - 1];
    if (!last || page.length < SEARCH_PAGE_SIZE) return null;
    before = last.id;
  }
}
