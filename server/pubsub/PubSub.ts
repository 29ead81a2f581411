/**
 * Messages between server instances. With one instance there is nobody to
 * tell (LocalPubSub); scaled out, Redis carries them (RedisPubSub). Delivery
 * is best effort: what is missed is recovered from the database.
 */
export interface PubSub {
  /** True when messages can reach other instances (or there are none). */
  readonly healthy: boolean;
  /** Whether other instances may exist (and so rooms must also catch up from the database). */
  readonly distributed: boolean;
  publish(channel: string, message: string): void;
  subscribe(channel: string, handler: (message: string) => void): Promise<void>;
  unsubscribe(channel: string): Promise<void>;
  /** Called whenever the connection comes back after a loss: messages may have been missed. */
  onReconnect(listener: () => void): void;
  close(): Promise<void>;
}

/** One instance: nobody else to tell. */
export class LocalPubSub implements PubSub {
  readonly healthy = true;
  readonly distributed = false;
  publish(): void {}
  async subscribe(): Promise<void> {}
  async unsubscribe(): Promise<void> {}
  onReconnect(): void {}
  async close(): Promise<void> {}
}
