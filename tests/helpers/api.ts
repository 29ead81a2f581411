// A small JSON client for the HTTP API, as a script would use it.
export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export async function api<T = any>(
  base: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const init = {
    method,
    headers,
    body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
  };
  let res: Response;
  try {
    res = await fetch(base + path, init);
  } catch (err) {
    // A kept-alive socket from before a server restart: try once more on a new one.
    if ((err as { cause?: { code?: string } }).cause?.code !== 'UND_ERR_SOCKET') throw err;
    res = await fetch(base + path, init);
  }
  const text = await res.text();
  let body: any = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON */
  }
  return { status: res.status, body, headers: res.headers };
}

let counter = 0;

export interface TestUser {
  username: string;
  password: string;
  displayName: string;
  token: string;
}

/** Registers and signs in a fresh account. */
export async function newUser(base: string, displayName = '测试用户'): Promise<TestUser> {
  const username = `u${Date.now().toString(36)}${(counter++).toString(36)}`;
  const password = `pw-${username}-secret`;
  const reg = await api(base, 'POST', '/api/auth/register', { body: { username, password, displayName } });
  if (reg.status !== 201) throw new Error(`register failed: ${reg.status} ${JSON.stringify(reg.body)}`);
  const login = await api(base, 'POST', '/api/auth/login', { body: { username, password } });
  return { username, password, displayName, token: login.body.token };
}

export async function newDocument(base: string, owner: TestUser, template = 'year-end-summary', title = '2026年政协联工委工作总结'): Promise<string> {
  const res = await api(base, 'POST', '/api/documents', { token: owner.token, body: { title, template } });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

export async function share(base: string, owner: TestUser, documentId: string, member: TestUser, role: string): Promise<void> {
  const res = await api(base, 'PUT', `/api/documents/${documentId}/members/${member.username}`, { token: owner.token, body: { role } });
  if (res.status !== 200) throw new Error(`share failed: ${res.status} ${JSON.stringify(res.body)}`);
}

/** A new document of `owner`'s, shared with each member in the role given. */
export async function sharedDocument(base: string, owner: TestUser, members: [TestUser, string][]): Promise<string> {
  const id = await newDocument(base, owner);
  for (const [member, role] of members) await share(base, owner, id, member, role);
  return id;
}

export async function contentText(base: string, user: TestUser, documentId: string): Promise<string> {
  const res = await api(base, 'GET', `/api/documents/${documentId}/content`, { token: user.token });
  if (res.status !== 200) throw new Error(`content failed: ${res.status}`);
  return res.body.text;
}
