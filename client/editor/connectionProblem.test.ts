import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/collab.js';
import { connectionProblemOf, retriesByItself } from './connectionProblem.js';

describe('connectionProblemOf', () => {
  it('leaves lost access and missing documents to the unavailable page', () => {
    expect(connectionProblemOf(null)).toBeNull();
    expect(connectionProblemOf(CloseCode.unauthorized)).toBeNull();
    expect(connectionProblemOf(CloseCode.forbidden)).toBeNull();
    expect(connectionProblemOf(CloseCode.documentNotFound)).toBeNull();
  });
  it('names each limit, and retries only after a rate limit by itself', () => {
    expect(connectionProblemOf(CloseCode.messageTooLarge)).toBe('messageTooLarge');
    expect(connectionProblemOf(CloseCode.documentTooLarge)).toBe('documentTooLarge');
    expect(connectionProblemOf(CloseCode.tooManyConnections)).toBe('tooManyConnections');
    expect(connectionProblemOf(CloseCode.malformedFrame)).toBe('rejected');
    expect(retriesByItself('rateLimited')).toBe(true);
    expect(retriesByItself('documentTooLarge')).toBe(false);
  });
});
