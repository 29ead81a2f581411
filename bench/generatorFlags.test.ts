import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATOR_FLAGS, missingGeneratorFlags, v8Flags } from './generatorFlags.js';

describe('the load generator flags', () => {
  it('are all given by the bench script of package.json', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', 'package.json'), 'utf8'));
    const script: string = pkg.scripts.bench;
    const execArgv = script.split(/\s+/).slice(1, script.split(/\s+/).indexOf('bench/run.ts'));
    expect(missingGeneratorFlags(execArgv)).toEqual([]);
    expect(v8Flags(execArgv)).toEqual([...GENERATOR_FLAGS]);
  });

  it('are read without the TypeScript loader, and missing ones are named', () => {
    expect(v8Flags(['--import', 'tsx', '--single-threaded-gc', '--require=x'])).toEqual(['--single-threaded-gc']);
    expect(missingGeneratorFlags(['--import', 'tsx', '--single-threaded-gc'])).toEqual(['--max-semi-space-size=2']);
    expect(missingGeneratorFlags([])).toEqual([...GENERATOR_FLAGS]);
  });
});
