// The stock y-websocket provider without one habit: it sends the server every
// presence update it receives, everyone else's included, so each member's
// traffic grows with the room. This one sends only this tab's own presence
// (as @hocuspocus/provider does); the server relays it to everyone.
import { WebsocketProvider } from 'y-websocket';

interface AwarenessChanges {
  added: number[];
  updated: number[];
  removed: number[];
}

export class QuietProvider extends WebsocketProvider {
  constructor(...args: ConstructorParameters<typeof WebsocketProvider>) {
    super(...args);
    const sendStock = this._awarenessUpdateHandler;
    this.awareness.off('update', sendStock);
    const own = (ids: number[]) => ids.filter((id) => id === this.awareness.clientID);
    this._awarenessUpdateHandler = (changes: AwarenessChanges, origin: unknown) => {
      const mine = { added: own(changes.added), updated: own(changes.updated), removed: own(changes.removed) };
      if (mine.added.length + mine.updated.length + mine.removed.length > 0) sendStock(mine, origin);
    };
    this.awareness.on('update', this._awarenessUpdateHandler);
  }
}
