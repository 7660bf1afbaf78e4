import { HubError } from './hub-error.js';

/**
 * Bounds the requests of one system in flight at once (per system, so that one tenant cannot starve the others): up to
 * `max` run, up to `queue` more wait in order, anything beyond is refused at once with RATE_LIMITED (429,
 * `Retry-After`). A slot is held from authentication to the answer, body reading included (a slow sender holds its
 * own system's slot, not the hub's).
 */
export class SystemLimiter {
  #running = new Map<string, number>();
  #waiting = new Map<string, Array<() => void>>();

  constructor(
    readonly max: number,
    readonly queue: number,
  ) {}

  async run<T>(systemId: string, fn: () => Promise<T>): Promise<T> {
    await this.#acquire(systemId);
    try {
      return await fn();
    } finally {
      this.#release(systemId);
    }
  }

  #acquire(systemId: string): Promise<void> {
    const running = this.#running.get(systemId) ?? 0;
    if (running < this.max) {
      this.#running.set(systemId, running + 1);
      return Promise.resolve();
    }
    const waiting = this.#waiting.get(systemId) ?? [];
    if (waiting.length >= this.queue) {
      return Promise.reject(
        new HubError('RATE_LIMITED', { retryAfterSeconds: 1, inFlight: running }, {
          vi: `Hệ thống ${systemId} đang có ${running} yêu cầu chưa xong: hãy thử lại sau 1 giây.`,
          en: `System ${systemId} has ${running} requests in flight: retry in 1 second.`,
        }),
      );
    }
    return new Promise((resolve) => {
      waiting.push(resolve);
      this.#waiting.set(systemId, waiting);
    });
  }

  #release(systemId: string): void {
    const next = this.#waiting.get(systemId)?.shift();
    if (next) {
      next(); // the slot passes to the next waiter
      return;
    }
    this.#waiting.delete(systemId);
    const running = (this.#running.get(systemId) ?? 1) - 1;
    if (running <= 0) this.#running.delete(systemId);
    else this.#running.set(systemId, running);
  }
}
