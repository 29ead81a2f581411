// A version's own text shows its pending 修订 as the server rendered them
// (<ins>/<del> with data-author, the username, and a title "username · time").
// Here each gets its author's colour (--author, which versions.css draws
// dashed) and a title naming the kind and the author as the reader knows
// them. The elements are inside HTML that React sets and never reconciles,
// so setting their attributes does not fight React.
import type { PersonDto } from '../../shared/api.js';
import { personFinder } from './diffView.js';

export type SuggestionTitle = (kind: 'insert' | 'delete', name: string) => string;

export function showSuggestionAuthors(container: HTMLElement, people: PersonDto[], title: SuggestionTitle): void {
  const find = personFinder(people);
  for (const el of container.querySelectorAll<HTMLElement>('ins[data-author], del[data-author]')) {
    const person = find(el.dataset.author ?? null);
    if (!person) continue;
    el.style.setProperty('--author', person.color);
    // the time the server wrote after the name stays; kept aside, since this runs again on the same elements (another language)
    el.dataset.when ??= (el.getAttribute('title') ?? '').split(' · ').slice(1).join(' · ');
    const when = el.dataset.when;
    const named = title(el.tagName === 'INS' ? 'insert' : 'delete', person.displayName);
    el.setAttribute('title', when ? `${named} · ${when}` : named);
  }
}
