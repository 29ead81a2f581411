import { ApiError } from '../../shared/ApiError.js';

export interface ErrorMessages {
  network: string;
  unknown: string;
  /** The sentence for an error code in the user's language, or null when there is none. */
  forCode: (code: string, serverMessage: string) => string | null;
}

/**
 * What to tell the user about a failed request: a sentence in their language
 * for the codes we know, else the server's own words, else a general message.
 */
export function errorMessage(error: unknown, messages: ErrorMessages): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return messages.network;
    const known = messages.forCode(error.code, error.message);
    if (known) return known;
    if (error.message && error.code !== 'http_error') return error.message;
  }
  return messages.unknown;
}
