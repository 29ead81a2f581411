// Whether two readings of the comment passages' places say the same to the
// page: the same passages, in the same order, each as long as before. A
// keystroke outside every passage moves the ones after it and changes nothing
// the comments panel shows (its order) nor any passage's words; the page then
// keeps its reading and does not draw again for it. Whatever needs a
// passage's position now reads it from the editor.
import type { Range } from '../editor/commentAnchors.js';

export function samePlaces(a: ReadonlyMap<string, Range> | null, b: ReadonlyMap<string, Range> | null): boolean {
  if (a === b) return true;
  if (!a || !b || a.size !== b.size) return false;
  const order = (places: ReadonlyMap<string, Range>) => [...places].sort(([, x], [, y]) => x.from - y.from || x.to - y.to);
  const left = order(a);
  const right = order(b);
  return left.every(([id, range], i) => {
    const [otherId, other] = right[i];
    return id === otherId && range.to - range.from === other.to - other.from;
  });
}
