import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import { isFinalCloseCode } from '../../shared/collab.js';

/** The close code with which the server ended the connection for good (4401, 4403, 4404…), if it did. */
export function useFinalCloseCode(provider: WebsocketProvider | null): number | null {
  const [code, setCode] = useState<number | null>(null);
  useEffect(() => {
    if (!provider) return;
    // y-websocket 3 passes the CloseEvent; null when the client closed the socket itself.
    const onClose = (event: CloseEvent | null) => {
      if (event && isFinalCloseCode(event.code)) setCode(event.code);
    };
    // connected again (the user asked to): the problem is over
    const onStatus = ({ status }: { status: string }) => {
      if (status === 'connected') setCode(null);
    };
    provider.on('connection-close', onClose);
    provider.on('status', onStatus);
    return () => {
      provider.off('connection-close', onClose);
      provider.off('status', onStatus);
    };
  }, [provider]);
  return code;
}
