import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import { nextConnectionState, type ConnectionEvent, type ConnectionState } from './connectionState.js';

function initialState(provider: WebsocketProvider | null): ConnectionState {
  if (provider?.wsconnected && provider.synced) return 'connected';
  // Opened without a network (a reload offline): say so at once, not after the first failed attempt.
  if (typeof navigator !== 'undefined' && !navigator.onLine) return 'offline';
  return 'connecting';
}

export function useConnectionState(provider: WebsocketProvider | null): ConnectionState {
  const [state, setState] = useState<ConnectionState>(() => initialState(provider));

  useEffect(() => {
    if (!provider) return;
    setState(initialState(provider));
    const apply = (event: ConnectionEvent) => setState((current) => nextConnectionState(current, event));
    const onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }) => {
      if (status === 'connected') apply('socketOpen');
    };
    const onClose = () => apply('socketClosed');
    const onSync = (synced: boolean) => {
      if (synced) apply('synced');
    };
    provider.on('status', onStatus);
    provider.on('connection-close', onClose);
    provider.on('sync', onSync);
    return () => {
      provider.off('status', onStatus);
      provider.off('connection-close', onClose);
      provider.off('sync', onSync);
    };
  }, [provider]);

  return state;
}
