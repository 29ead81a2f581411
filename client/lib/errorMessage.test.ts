import { describe, expect, it } from 'vitest';
import { ApiError } from '../http/ApiError.js';
import { errorMessage } from './errorMessage.js';

const fallback = { network: 'network down', unknown: 'something broke' };

describe('errorMessage', () => {
  it("shows the server's message", () => {
    expect(errorMessage(new ApiError(404, 'user_not_found', '用户 li 不存在'), fallback)).toBe('用户 li 不存在');
  });
  it('says the network is down when the request never reached the server', () => {
    expect(errorMessage(new ApiError(0, 'network_error', 'Failed to fetch'), fallback)).toBe('network down');
  });
  it('falls back to a general message for answers without a message body', () => {
    expect(errorMessage(new ApiError(502, 'http_error', 'Bad Gateway'), fallback)).toBe('something broke');
    expect(errorMessage(new TypeError('x'), fallback)).toBe('something broke');
  });
});
