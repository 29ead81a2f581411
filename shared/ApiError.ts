/**
 * An error answer of the API: a status and `{"error": {code, message}}`. The
 * server throws it; the client rebuilds it from a response (status 0 for a
 * network failure).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
