import { initialOf } from '../lib/initialOf.js';

/** A coloured circle with the first character of the name; the full name on hover. */
export function Avatar({ name, color, size = 28, testId }: { name: string; color: string; size?: number; testId?: string }) {
  return (
    <span
      className="avatar"
      style={{ backgroundColor: color, width: size, height: size, fontSize: Math.round(size * 0.46) }}
      title={name}
      aria-label={name}
      role="img"
      data-testid={testId}
    >
      {initialOf(name)}
    </span>
  );
}
