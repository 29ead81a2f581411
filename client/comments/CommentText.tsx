import { useMemo } from 'react';
import type { PersonDto } from '../../shared/api.js';
import { segmentsOf } from './mentions.js';

/**
 * A comment as its writer typed it: plain text, line breaks kept (by the
 * stylesheet), mentions of members set apart with the member's name on hover.
 * Never markup: React renders every character as text.
 */
export function CommentText({
  body,
  people,
  className = 'comment-text',
  testId,
}: {
  body: string;
  people: readonly PersonDto[];
  className?: string;
  testId?: string;
}) {
  const segments = useMemo(() => segmentsOf(body, people), [body, people]);
  return (
    <p className={className} data-testid={testId}>
      {segments.map((segment, index) =>
        segment.kind === 'mention' ? (
          <span key={index} className="mention" title={segment.person.displayName} data-username={segment.person.username}>
            {segment.text}
          </span>
        ) : (
          segment.text
        ),
      )}
    </p>
  );
}
