/**
 * Domain events, published after the transaction that caused them commits: side effects
 * (notifications now, real-time pushes and risk alerts later) subscribe here, so nothing
 * happens for a write that rolled back. A map from event name to handlers, not a switch.
 */
export interface DomainEvents {
  'reply.created': { replyId: string; postId: string; authorId: string; anonymous: boolean; createdAt: number };
}

type Handler<K extends keyof DomainEvents> = (event: DomainEvents[K]) => Promise<void>;

export class EventBus {
  private readonly handlers = new Map<keyof DomainEvents, Handler<never>[]>();

  constructor(private readonly onError: (err: unknown, name: string) => void) {}

  on<K extends keyof DomainEvents>(name: K, handler: Handler<K>): void {
    const list = this.handlers.get(name) ?? [];
    list.push(handler as Handler<never>);
    this.handlers.set(name, list);
  }

  /** Runs every handler; a failing handler is reported and does not stop the others or the caller. */
  async publish<K extends keyof DomainEvents>(name: K, event: DomainEvents[K]): Promise<void> {
    for (const handler of (this.handlers.get(name) ?? []) as unknown as Handler<K>[]) {
      try {
        await handler(event);
      } catch (err) {
        this.onError(err, name);
      }
    }
  }
}
