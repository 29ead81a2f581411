import { ApiError } from '../../shared/ApiError.js';
import { CloseCode } from '../../shared/collab.js';
import type { Unavailability } from './DocumentUnavailable.js';

/** Why the document cannot be shown, from the metadata request's error or the socket's close code. */
export function unavailabilityOf(metaError: unknown, closeCode: number | null): Unavailability | null {
  if (closeCode === CloseCode.forbidden) return 'forbidden';
  if (closeCode === CloseCode.documentNotFound) return 'notFound';
  if (metaError instanceof ApiError) {
    if (metaError.status === 403) return 'forbidden';
    if (metaError.status === 404) return 'notFound';
  }
  return null;
}
