import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/ApiError.js';
import { errorMessage } from './errorMessage.js';

const messages = {
  network: 'network down',
  unknown: 'something broke',
  forCode: (code: string, serverMessage: string) =>
    code === 'username_taken' ? '用户名已被使用' : code === 'invalid_input' ? `输入有误：${serverMessage}` : null,
};

describe('errorMessage', () => {
  it("says a known error in the user's language", () => {
    expect(errorMessage(new ApiError(409, 'username_taken', 'The username "li" is already taken.'), messages)).toBe('用户名已被使用');
    expect(errorMessage(new ApiError(400, 'invalid_input', 'password: at least 8 characters'), messages)).toBe('输入有误：password: at least 8 characters');
  });
  it("shows the server's message for codes it does not know", () => {
    expect(errorMessage(new ApiError(404, 'something_new', 'A new kind of error'), messages)).toBe('A new kind of error');
  });
  it('says the network is down when the request never reached the server', () => {
    expect(errorMessage(new ApiError(0, 'network_error', 'Failed to fetch'), messages)).toBe('network down');
  });
  it('falls back to a general message for answers without a message body', () => {
    expect(errorMessage(new ApiError(502, 'http_error', 'Bad Gateway'), messages)).toBe('something broke');
    expect(errorMessage(new TypeError('x'), messages)).toBe('something broke');
  });
});
