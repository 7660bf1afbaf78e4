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
    /** The refusal beyond the queue (default: RATE_LIMITED naming the system). */
    readonly refusal?: (running: number) => HubError,
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
      if (this.refusal) return Promise.reject(this.refusal(running));
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

/**
 * Time-based rate limit per system (token bucket): `ratePerSecond` tokens a second, at most `burst` saved up; a
 * request takes one. `take` answers 0 (go on) or the whole seconds to wait (RATE_LIMITED, `Retry-After`).
 */
export class RateLimiter {
  #buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    readonly ratePerSecond: number,
    readonly burst: number,
    readonly now: () => number = () => Date.now(),
  ) {}

  take(key: string): number {
    const t = this.now();
    const b = this.#buckets.get(key) ?? { tokens: this.burst, at: t };
    b.tokens = Math.min(this.burst, b.tokens + ((t - b.at) / 1000) * this.ratePerSecond);
    b.at = t;
    if (this.#buckets.size > 100_000) this.#buckets.clear(); // keys are authenticated systems: never reached in practice
    this.#buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / this.ratePerSecond));
  }

  /** The refusal of a request `wait` seconds too early. */
  static refusal(systemId: string, wait: number): HubError {
    return new HubError('RATE_LIMITED', { retryAfterSeconds: wait }, {
      vi: `Hệ thống ${systemId} vượt quá tần suất cho phép: hãy thử lại sau ${wait} giây.`,
      en: `System ${systemId} is over its request rate: retry in ${wait} seconds.`,
    });
  }
}

/** The Retry-After (seconds) of a RATE_LIMITED or UNAVAILABLE refusal. */
export function retryAfterOf(e: HubError): string {
  const v = e.body.details?.['retryAfterSeconds'];
  return typeof v === 'number' && v >= 1 ? String(Math.ceil(v)) : '1';
}
