import { describe, expect, it } from 'vitest';
import type { PersonDto } from '../../shared/api.js';
import { UNKNOWN_COLOR } from './diffView.js';
import { showSuggestionAuthors } from './suggestionAuthors.js';

/** What showSuggestionAuthors touches of an <ins> or <del> the server rendered (no DOM in unit tests). */
function element(tagName: 'INS' | 'DEL', author: string, title: string) {
  const attributes = new Map([['title', title]]);
  const dataset: { author: string; when?: string } = { author };
  const style = new Map<string, string>();
  return {
    tagName,
    dataset,
    style: { setProperty: (name: string, value: string) => style.set(name, value) },
    getAttribute: (name: string) => attributes.get(name) ?? null,
    setAttribute: (name: string, value: string) => attributes.set(name, value),
    attributes,
    styles: style,
  };
}

const wang: PersonDto = { username: 'wangming', displayName: '王明', color: '#d9480f' };

describe('showSuggestionAuthors', () => {
  it("gives each suggestion its author's colour and a title naming the kind and the author, keeping the time", () => {
    const ins = element('INS', 'wangming', 'wangming · 2026年12月7日 16:00');
    const del = element('DEL', 'gone', 'gone');
    const container = { querySelectorAll: () => [ins, del] } as unknown as HTMLElement;
    showSuggestionAuthors(container, [wang], (kind, name) => `${kind === 'insert' ? '建议插入' : '建议删除'} · 作者：${name}`);
    expect(ins.styles.get('--author')).toBe(wang.color);
    expect(ins.attributes.get('title')).toBe('建议插入 · 作者：王明 · 2026年12月7日 16:00');
    // someone the server could not name: their username, in grey
    expect(del.styles.get('--author')).toBe(UNKNOWN_COLOR);
    expect(del.attributes.get('title')).toBe('建议删除 · 作者：gone');
    // again, in another language: the same time, once
    showSuggestionAuthors(container, [wang], (kind, name) => `${kind === 'insert' ? 'Suggested insertion' : 'Suggested deletion'} by ${name}`);
    expect(ins.attributes.get('title')).toBe('Suggested insertion by 王明 · 2026年12月7日 16:00');
  });
});
