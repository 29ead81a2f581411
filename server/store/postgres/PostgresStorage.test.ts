import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll } from 'vitest';
import { describeStorageContract } from '../storageContract.js';
import { openPostgresStorage } from './openPostgresStorage.js';

// The PostgreSQL running on this machine (CI starts it when it is down); each run uses schemas of its own.
const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schemas: string[] = [];

describeStorageContract('PostgreSQL', async () => {
  const schema = `yigao_test_${randomBytes(6).toString('hex')}`;
  schemas.push(schema);
  return openPostgresStorage(url, schema);
});

afterAll(async () => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
});
