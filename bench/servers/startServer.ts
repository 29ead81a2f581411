import { startReference } from './reference.js';
import type { ServerName, ServerUnderTest, StartOptions } from './ServerUnderTest.js';
import { startYigao } from './yigao.js';

const starters: Record<ServerName, (options: StartOptions) => Promise<ServerUnderTest>> = {
  yigao: startYigao,
  reference: startReference,
};

export function startServer(name: ServerName, options: StartOptions): Promise<ServerUnderTest> {
  return starters[name](options);
}
