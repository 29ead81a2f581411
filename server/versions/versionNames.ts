// The names the server gives the versions it makes, as the API shows them.
// They are not stored: an approval's version is stored without a name, a
// restore's with the version it brought back (RestoredFrom), an import's with
// the file's name (导入：<file>), and each UI
// words them in its own language (client/versions/versionLabel.ts). The API
// keeps naming them in Chinese, the product's language, as it always has.
import type { RestoredFromDto } from '../../shared/api.js';
import type { RestoredFrom, VersionRecord } from '../store/VersionStore.js';

export const APPROVED_NAME = '定稿';

/** "2026/11/28 10:20:00": how the API has always written an automatic version's time inside a restore's name. */
const timeLabel = (ms: number) => new Date(ms).toLocaleString('zh-CN', { hour12: false });

/** The version's name for the API: its own, or the one the server gives an approval or a restore. */
export function apiName(record: Pick<VersionRecord, 'name' | 'kind' | 'createdAt' | 'restoredFrom' | 'importedFrom'>): string | null {
  if (record.name !== null) return record.name;
  if (record.importedFrom) return `导入：${record.importedFrom}`;
  if (record.restoredFrom) {
    const from = record.restoredFrom;
    return `恢复到“${from.name ?? (from.kind === 'approved' ? APPROVED_NAME : timeLabel(from.createdAt))}”`;
  }
  return record.kind === 'approved' ? APPROVED_NAME : null;
}

export function restoredFromDto(from: RestoredFrom | null | undefined): RestoredFromDto | null {
  return from ? { id: from.id, name: from.name, kind: from.kind, createdAt: new Date(from.createdAt).toISOString() } : null;
}
