/** The character shown in someone's avatar: the first of their name ("张明" → "张", "li" → "L"). */
export function initialOf(name: string): string {
  const first = Array.from(name.trim())[0];
  return first ? first.toLocaleUpperCase() : '?';
}
