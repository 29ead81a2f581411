// Who made the suggestions, as the editor colours them and the 修订 panel
// lists them: each author with their name and colour from the members, a
// neutral grey for an author who is no longer one (removed from the document).
import type { PersonDto } from '../../shared/api.js';
import type { SuggestionSummary } from '../../shared/suggestions.js';

/** The colour of an author the page does not know (the same grey as an unnamed caret). */
export const NEUTRAL_COLOR = '#868e96';

export type PeopleByUsername = ReadonlyMap<string, PersonDto>;

export function peopleByUsername(people: readonly PersonDto[]): PeopleByUsername {
  return new Map(people.map((person) => [person.username, person]));
}

/** The author as shown: their name and colour, or their username in grey when they are not a member. */
export function personOf(people: PeopleByUsername, username: string): PersonDto {
  return people.get(username) ?? { username, displayName: username, color: NEUTRAL_COLOR };
}

export interface AuthorCount {
  author: string;
  count: number;
}

/** Each author of the suggestions once, with how many they made, in the order their first one appears. */
export function authorsOf(suggestions: readonly SuggestionSummary[]): AuthorCount[] {
  const counts = new Map<string, number>();
  for (const { author } of suggestions) counts.set(author, (counts.get(author) ?? 0) + 1);
  return [...counts].map(([author, count]) => ({ author, count }));
}

/** The suggestion's text on one line, cut to `max` characters with an ellipsis (a card shows a glimpse, the text shows all). */
export function excerpt(text: string, max = 40): string {
  const line = text.replace(/\s*\n\s*/g, ' ¶ ').trim();
  const chars = [...line];
  return chars.length <= max ? line : `${chars.slice(0, max - 1).join('')}…`;
}
