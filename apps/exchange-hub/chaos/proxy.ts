// A fault-injecting TCP proxy (node:net) in front of several hub instances: a round-robin load balancer that, for a
// seeded share of the connections, drops, delays, resets or truncates them at a random point of the request or the
// answer. Used by the chaos run (`pnpm --filter @egov-vn/exchange-hub chaos`) and its CI-sized test.
import { createServer, type AddressInfo, type Server, type Socket, connect } from 'node:net';

/** What happens to one faulted connection. */
export type FaultKind =
  /** Closed before anything reaches a hub (the client sees a reset or an empty answer). */
  | 'drop'
  /** Every chunk is held back 50–400 ms in both directions (slow network; the client's timeout may fire). */
  | 'delay'
  /** Both sides reset (RST) after a random number of bytes of the request or of the answer. */
  | 'reset'
  /** The answer is cut cleanly (FIN) after a random number of bytes; the hub has handled the request. */
  | 'truncate';

export const FAULT_KINDS: readonly FaultKind[] = ['drop', 'delay', 'reset', 'truncate'];

/** A small seeded PRNG (mulberry32): the same seed gives the same sequence of faults. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FaultProxyOptions {
  /** Ports of the hub instances on 127.0.0.1 (tried round-robin; a refused connection tries the next). */
  upstreams: number[];
  /** Share of connections that get a fault (0–1). */
  faultRate: number;
  seed: number;
  /** Which faults to draw from (default all four, equally likely). */
  kinds?: readonly FaultKind[];
}

export interface FaultProxyStats {
  connections: number;
  faulted: Record<FaultKind, number>;
  /** Connections closed because no hub accepted (every instance down at that moment). */
  noUpstream: number;
}

export interface FaultProxy {
  port: number;
  url: string;
  stats: FaultProxyStats;
  /** Faults on or off (the final check runs with them off). */
  setFaultRate(rate: number): void;
  close(): Promise<void>;
}

function destroyBoth(a: Socket, b: Socket | undefined, reset: boolean): void {
  if (reset) {
    a.resetAndDestroy();
    b?.resetAndDestroy();
  } else {
    a.destroy();
    b?.destroy();
  }
}

/** Starts the proxy on a free port of 127.0.0.1. */
export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const random = seededRandom(options.seed);
  const kinds = options.kinds ?? FAULT_KINDS;
  let faultRate = options.faultRate;
  let next = 0;
  const sockets = new Set<Socket>();
  const stats: FaultProxyStats = { connections: 0, faulted: { drop: 0, delay: 0, reset: 0, truncate: 0 }, noUpstream: 0 };

  function connectUpstream(tries: number, onConnect: (s: Socket) => void, onFail: () => void): void {
    const port = options.upstreams[next++ % options.upstreams.length]!;
    const upstream = connect({ port, host: '127.0.0.1' });
    let connected = false;
    upstream.once('connect', () => {
      connected = true;
      onConnect(upstream);
    });
    upstream.once('error', () => {
      if (connected) return; // handled by the pipe
      upstream.destroy();
      if (tries + 1 < options.upstreams.length * 2) setTimeout(() => connectUpstream(tries + 1, onConnect, onFail), 20);
      else onFail();
    });
  }

  const server: Server = createServer({ pauseOnConnect: true }, (client) => {
    stats.connections++;
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    const fault = random() < faultRate ? kinds[Math.floor(random() * kinds.length)]! : undefined;
    if (fault) stats.faulted[fault]++;
    if (fault === 'drop') {
      // Half the drops reset at once, half after the request started arriving (the hub never sees it).
      if (random() < 0.5) client.resetAndDestroy();
      else {
        client.once('data', () => client.resetAndDestroy());
        client.resume();
      }
      return;
    }
    // The point (in bytes of the request, or of the answer) where a reset or truncation happens.
    const inRequest = fault === 'reset' && random() < 0.5;
    const cutAt = Math.floor(random() * (inRequest ? 1200 : 600));
    const delayMs = () => 50 + Math.floor(random() * 350);
    connectUpstream(
      0,
      (upstream) => {
        sockets.add(upstream);
        upstream.on('close', () => sockets.delete(upstream));
        upstream.on('error', () => destroyBoth(client, upstream, true));
        client.on('error', () => destroyBoth(client, upstream, true));
        let up = 0;
        let down = 0;
        let done = false;
        const pipe = (from: Socket, to: Socket, upward: boolean) => {
          // Delayed chunks keep their order, and the end follows the last of them.
          let delayed = Promise.resolve();
          from.on('data', (chunk: Buffer) => {
            if (done) return;
            const seen = upward ? up : down;
            if (fault === 'reset' && inRequest === upward && seen + chunk.length > cutAt) {
              done = true;
              const part = chunk.subarray(0, Math.max(0, cutAt - seen));
              if (part.length) to.write(part);
              setImmediate(() => destroyBoth(client, upstream, true));
              return;
            }
            if (fault === 'truncate' && !upward && seen + chunk.length > cutAt) {
              done = true;
              client.end(chunk.subarray(0, Math.max(0, cutAt - seen)));
              upstream.destroy();
              return;
            }
            if (upward) up += chunk.length;
            else down += chunk.length;
            if (fault === 'delay') {
              const ms = delayMs();
              delayed = delayed.then(
                () =>
                  new Promise<void>((resolve) =>
                    setTimeout(() => {
                      if (!to.destroyed) to.write(chunk);
                      resolve();
                    }, ms),
                  ),
              );
            } else if (!to.write(chunk)) {
              from.pause();
              to.once('drain', () => from.resume());
            }
          });
          from.on('end', () => {
            void delayed.then(() => {
              if (!done && !to.destroyed) to.end();
            });
          });
        };
        pipe(client, upstream, true);
        pipe(upstream, client, false);
        client.resume();
      },
      () => {
        stats.noUpstream++;
        client.resetAndDestroy();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    stats,
    setFaultRate(rate) {
      faultRate = rate;
    },
    close() {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
