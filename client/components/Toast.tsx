import { useEffect, useRef } from 'react';

/** A short confirmation at the bottom of the window ("已保存版本…"), gone after a few seconds. */
export function Toast({ message, onDone, durationMs = 3500 }: { message: string; onDone: () => void; durationMs?: number }) {
  const onDoneRef = useRef(onDone);
  onDoneRef.current = onDone;
  useEffect(() => {
    const timer = setTimeout(() => onDoneRef.current(), durationMs);
    return () => clearTimeout(timer);
  }, [message, durationMs]);
  return (
    <div className="toast" role="status" data-testid="toast">
      {message}
    </div>
  );
}
