import { describe, expect, it } from 'vitest';
import { schema } from '../../shared/schema.js';
import { INLINE_NODE_NAMES, MARK_NAMES, MARK_NESTING, NODE_NAMES } from './schemaNames.js';

describe('schema names', () => {
  it('lists exactly the node types of the shared schema', () => {
    expect([...NODE_NAMES].sort()).toEqual(Object.keys(schema.nodes).sort());
  });

  it('lists exactly the mark types of the shared schema', () => {
    expect([...MARK_NAMES].sort()).toEqual(Object.keys(schema.marks).sort());
    expect([...MARK_NESTING].sort()).toEqual([...MARK_NAMES].sort());
  });

  it('calls inline exactly the inline node types', () => {
    const inline = Object.values(schema.nodes)
      .filter((type) => type.isInline)
      .map((type) => type.name);
    expect([...INLINE_NODE_NAMES].sort()).toEqual(inline.sort());
  });
});
