import { describe, expect, it } from 'vitest';
import { browserSection, withBrowserSection } from './resultsFile.js';

describe('the browser section of RESULTS.md', () => {
  const server = '# Benchmark results\n\n## Summary\n\n| a | b |\n';

  it('is appended after the server report, then replaced in place', () => {
    const once = withBrowserSection(server, '## Browser\n\nfirst');
    expect(once.startsWith(server.trimEnd())).toBe(true);
    expect(browserSection(once)).toContain('first');
    const twice = withBrowserSection(once, '## Browser\n\nsecond $& $1');
    expect(twice).not.toContain('first');
    // Replacement patterns in a report are text, not patterns.
    expect(browserSection(twice)).toContain('second $& $1');
    expect(twice.split('## Summary')).toHaveLength(2);
  });

  it('is empty in a file without one', () => {
    expect(browserSection(server)).toBe('');
  });
});
