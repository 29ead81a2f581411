// The stock y-websocket provider without two habits that make each member's
// traffic grow with the room: it sends the server every presence update it
// receives, everyone else's included, and (through Tiptap's caret plugin,
// which sets the caret again after every remote change while the editor has
// focus) its own unchanged caret. This one sends only this tab's own presence
// (as @hocuspocus/provider does), and an unchanged state only as the renewal
// that keeps it alive at the others. The server relays it to everyone.
import { WebsocketProvider } from 'y-websocket';

interface AwarenessChanges {
  added: number[];
  updated: number[];
  removed: number[];
}

/** An unchanged state is sent again this often (y-protocols times a state out after 30 s). */
const RENEW_MS = 10_000;

export class QuietProvider extends WebsocketProvider {
  constructor(...args: ConstructorParameters<typeof WebsocketProvider>) {
    super(...args);
    const sendStock = this._awarenessUpdateHandler;
    this.awareness.off('update', sendStock);
    let lastSent = '';
    let lastSentAt = 0;
    const own = (ids: number[]) => ids.filter((id) => id === this.awareness.clientID);
    this._awarenessUpdateHandler = (changes: AwarenessChanges, origin: unknown) => {
      const mine = { added: own(changes.added), updated: own(changes.updated), removed: own(changes.removed) };
      if (mine.added.length + mine.updated.length + mine.removed.length === 0) return;
      const state = JSON.stringify(this.awareness.getLocalState());
      const now = Date.now();
      if (state === lastSent && now - lastSentAt < RENEW_MS) return;
      lastSent = state;
      lastSentAt = now;
      sendStock(mine, origin);
    };
    this.awareness.on('update', this._awarenessUpdateHandler);
  }
}
