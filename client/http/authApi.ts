import type { RegistrationInfoDto, UserDto } from '../../shared/api.js';
import { ApiError } from '../../shared/ApiError.js';
import { request } from './request.js';

export interface Credentials {
  username: string;
  password: string;
}

export interface Registration extends Credentials {
  displayName: string;
  /** From an invitation link; required when registration is by invitation. */
  inviteCode?: string;
}

/** Whether anyone may register, or only people with an invitation. */
export const fetchRegistrationInfo = () => request<RegistrationInfoDto>('/api/auth/registration', { expectUnauthorized: true });

export async function register(registration: Registration): Promise<UserDto> {
  const { user } = await request<{ user: UserDto }>('/api/auth/register', { method: 'POST', body: registration, expectUnauthorized: true });
  return user;
}

/** Signs in; the server sets the session cookie, so the bearer token in the answer is not kept. */
export async function login(credentials: Credentials): Promise<UserDto> {
  const { user } = await request<{ user: UserDto }>('/api/auth/login', { method: 'POST', body: credentials, expectUnauthorized: true });
  return user;
}

export async function logout(): Promise<void> {
  await request<unknown>('/api/auth/logout', { method: 'POST', expectUnauthorized: true });
}

/** The signed-in user, or null when there is no session. */
export async function fetchMe(): Promise<UserDto | null> {
  try {
    const { user } = await request<{ user: UserDto }>('/api/me', { expectUnauthorized: true });
    return user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}
