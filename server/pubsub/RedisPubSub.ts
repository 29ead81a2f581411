// Fan-out between instances over Redis pub/sub. Publishing while Redis is
// away drops the message (rooms catch up from the database instead); on
// reconnect, listeners are told so that they catch up at once.
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { PubSub } from './PubSub.js';

export class RedisPubSub implements PubSub {
  readonly distributed = true;
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly handlers = new Map<string, (message: string) => void>();
  private readonly reconnectListeners: (() => void)[] = [];
  private lost = false;

  constructor(
    url: string,
    private readonly prefix: string,
    private readonly logger: Logger,
  ) {
    const options = { enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy: (times: number) => Math.min(times * 200, 2_000) };
    this.publisher = new Redis(url, options);
    this.subscriber = new Redis(url, { ...options, enableOfflineQueue: true });
    for (const client of [this.publisher, this.subscriber]) {
      client.on('error', (err) => {
        if (!this.lost) logger.warn({ err: err.message }, 'Redis is unreachable: instances converge through the database until it is back');
        this.lost = true;
      });
      client.on('ready', () => {
        if (!this.lost) return;
        if (this.publisher.status === 'ready' && this.subscriber.status === 'ready') {
          this.lost = false;
          logger.info('Redis is back');
          for (const listener of this.reconnectListeners) listener();
        }
      });
    }
    this.subscriber.on('message', (channel: string, message: string) => this.handlers.get(channel)?.(message));
  }

  get healthy(): boolean {
    return this.publisher.status === 'ready' && this.subscriber.status === 'ready';
  }

  publish(channel: string, message: string): void {
    if (this.publisher.status !== 'ready') return;
    this.publisher.publish(this.prefix + channel, message).catch(() => {
      // lost: the receivers' catch-up from the database recovers it
    });
  }

  async subscribe(channel: string, handler: (message: string) => void): Promise<void> {
    this.handlers.set(this.prefix + channel, handler);
    // Re-subscribed automatically by ioredis after a reconnect.
    await this.subscriber.subscribe(this.prefix + channel).catch((err) => this.logger.warn({ err: err.message, channel }, 'subscribing failed'));
  }

  async unsubscribe(channel: string): Promise<void> {
    this.handlers.delete(this.prefix + channel);
    await this.subscriber.unsubscribe(this.prefix + channel).catch(() => undefined);
  }

  onReconnect(listener: () => void): void {
    this.reconnectListeners.push(listener);
  }

  async close(): Promise<void> {
    this.publisher.disconnect();
    this.subscriber.disconnect();
  }
}
