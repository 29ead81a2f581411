import { describe, expect, it } from 'vitest';
import { contentOfExport, defaultExportSource, isDraftExport, isoDay, isValidDay } from './exportChoice.js';

const versions = [
  { id: 'approvedVersion1', kind: 'approved' as const },
  { id: 'namedVersion0001', kind: 'named' as const },
  { id: 'autoVersion00001', kind: 'auto' as const },
];

describe('export choices', () => {
  it('starts with the approved version when there is one, else the current draft', () => {
    expect(defaultExportSource(true)).toBe('approved');
    expect(defaultExportSource(false)).toBe('current');
  });

  it('starts with the version being looked at, if any', () => {
    expect(defaultExportSource(true, 'namedVersion0001')).toBe('namedVersion0001');
    expect(defaultExportSource(false, 'autoVersion00001')).toBe('autoVersion00001');
  });

  it('marks everything but an approved version as a draft', () => {
    expect(isDraftExport('approved', versions)).toBe(false);
    expect(isDraftExport('current', versions)).toBe(true);
    expect(isDraftExport('approvedVersion1', versions)).toBe(false);
    expect(isDraftExport('namedVersion0001', versions)).toBe(true);
    expect(isDraftExport('autoVersion00001', versions)).toBe(true);
    expect(isDraftExport('unknownVersion00', versions)).toBe(true);
  });

  it('knows which content an export writes: the draft, the approved version by its id once known, or a version', () => {
    expect(contentOfExport('current', 'approvedVersion1')).toBe('current');
    expect(contentOfExport('approved', 'approvedVersion1')).toBe('approvedVersion1');
    expect(contentOfExport('approved', undefined)).toBeNull();
    expect(contentOfExport('approved', null)).toBeNull();
    expect(contentOfExport('namedVersion0001', 'approvedVersion1')).toBe('namedVersion0001');
  });

  it('writes the local day as YYYY-MM-DD', () => {
    expect(isoDay(new Date(2026, 11, 5, 23, 59))).toBe('2026-12-05');
    expect(isoDay(new Date(2026, 0, 31, 0, 1))).toBe('2026-01-31');
  });

  it('accepts only real days', () => {
    expect(isValidDay('2026-12-20')).toBe(true);
    expect(isValidDay('2028-02-29')).toBe(true);
    expect(isValidDay('2026-02-30')).toBe(false);
    expect(isValidDay('2026-13-01')).toBe(false);
    expect(isValidDay('')).toBe(false);
    expect(isValidDay('20261220')).toBe(false);
  });
});
