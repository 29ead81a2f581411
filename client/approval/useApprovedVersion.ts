// The approved version of an approved document (who approved it and when), for its banner.
import { useCallback } from 'react';
import type { DocumentStatus, VersionDto } from '../../shared/api.js';
import { latestApprovedVersion } from '../http/versionsApi.js';
import { useResource, type Resource } from '../lib/useResource.js';

export function useApprovedVersion(documentId: string, status: DocumentStatus | undefined): Resource<VersionDto | null> {
  const approved = status === 'approved';
  const load = useCallback(() => (approved ? latestApprovedVersion(documentId) : Promise.resolve(null)), [documentId, approved]);
  return useResource(load, `${documentId}:${approved}`);
}
