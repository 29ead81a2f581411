import { ApiError } from '../http/ApiError.js';

interface FallbackMessages {
  network: string;
  unknown: string;
}

/** What to tell the user about a failed request: the server's own words when it gave some. */
export function errorMessage(error: unknown, fallback: FallbackMessages): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return fallback.network;
    if (error.message && error.code !== 'http_error') return error.message;
  }
  return fallback.unknown;
}
