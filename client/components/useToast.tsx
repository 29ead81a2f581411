// A page's toast: show(message) puts up a Toast ("已保存版本…") in place of
// the one showing, if any; the element is rendered where the page puts it.
import { useState, type ReactNode } from 'react';
import { Toast } from './Toast.js';

export function useToast(): [toast: ReactNode, show: (message: string) => void] {
  const [message, setMessage] = useState<string | null>(null);
  return [message && <Toast message={message} onDone={() => setMessage(null)} />, setMessage];
}
