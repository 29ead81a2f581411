// One contract suite for every Storage implementation and every path a change
// takes in production: SQLite on disk (through the edit journal, as every
// keystroke goes), SQLite in memory (a commit per append), PostgreSQL (group
// commit). Each implementation's test file calls describeStorageContract.
// The contract's groups live beside it: storageContractRecords.ts (accounts,
// document records, comments), storageContractLog.ts (update log, versions)
// and storageContractSections.ts (分工).
import { afterEach, beforeEach, describe } from 'vitest';
import type { Storage } from './Storage.js';
import { describeLogContracts } from './storageContractLog.js';
import { describeRecordContracts } from './storageContractRecords.js';
import { describeSectionContracts } from './storageContractSections.js';

export function describeStorageContract(name: string, open: () => Promise<Storage>): void {
  describe(`Storage contract: ${name}`, () => {
    let storage: Storage;
    beforeEach(async () => {
      storage = await open();
    });
    afterEach(async () => {
      await storage.close();
    });

    describeRecordContracts(() => storage);
    describeLogContracts(() => storage);
    describeSectionContracts(() => storage);
  });
}
