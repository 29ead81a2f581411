// 修订 (API.md "Suggestions"): accepting and rejecting go through the server,
// which applies them as the reviewer's change to the live document (an editor
// in review may only suggest over the WebSocket, so a change made here would
// be refused). The result arrives in the editor through Yjs.
import type { SuggestionSummary } from '../../shared/suggestions.js';
import { request } from './request.js';

export type SuggestionDecision = 'accept' | 'reject';

const suggestionsPath = (id: string) => `/api/documents/${encodeURIComponent(id)}/suggestions`;

/** The pending suggestions after it (createdAt is an ISO time here). */
export const reviewSuggestion = (id: string, suggestionId: string, decision: SuggestionDecision) =>
  request<Array<Omit<SuggestionSummary, 'createdAt'> & { createdAt: string }>>(`${suggestionsPath(id)}/${encodeURIComponent(suggestionId)}/${decision}`, {
    method: 'POST',
  });

/** Every pending suggestion, or every one of `author`'s (a username): how many were accepted or rejected. */
export const reviewAllSuggestions = (id: string, decision: SuggestionDecision, author?: string) =>
  request<{ accepted?: number; rejected?: number }>(`${suggestionsPath(id)}/${decision}-all`, {
    method: 'POST',
    body: author === undefined ? {} : { author },
  });
