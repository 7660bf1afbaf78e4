// The OfficeBackend over HTTP: the office-api route table, with the host's token.
import { OfficeErrorBodySchema, officeRoutePath, officeRoutes, type OfficeRouteDef } from '@egov-vn/office-api';
import ky, { HTTPError } from 'ky';
import type { OfficeBackend, OfficeCallOptions, OfficeInput, OfficeOperation, OfficeOutput } from './types.js';
import { OfficeBackendError } from './types.js';

export interface HttpOfficeBackendOptions {
  /** The agency back end's base URL (the office server, or any back end that serves the office-api contract). */
  baseUrl: string;
  /**
   * The user's bearer token, from the host's session. Called before each request and once more after a 401, so a
   * host whose tokens expire (e.g. every 60 s) refreshes them there. Return `''` for no Authorization header.
   */
  getToken?: () => Promise<string> | string;
  /** Per-request timeout in ms (default 15 000). A slow back end becomes a TIMEOUT error, never a hang. */
  timeout?: number;
  /** Retries of idempotent reads (GET) on 408/429/5xx and network failures (default 1). Writes are never retried. */
  retries?: number;
  /** A fetch implementation (tests, service workers). */
  fetch?: typeof globalThis.fetch;
}

type Query = Record<string, string | number | boolean | undefined>;

function searchOf(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/**
 * An {@link OfficeBackend} that calls the agency's back end over HTTP (ky): the path, method and response schema come
 * from the office-api route table; answers are checked against the contract (anything else is BAD_RESPONSE); contract
 * errors become {@link OfficeBackendError}s with the server's Vietnamese and English message.
 */
export function httpOfficeBackend(options: HttpOfficeBackendOptions): OfficeBackend {
  const client = ky.create({
    baseUrl: options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`,
    timeout: options.timeout ?? 15_000,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    retry: { limit: options.retries ?? 1, methods: ['get'], statusCodes: [408, 429, 500, 502, 503, 504] },
    throwHttpErrors: true,
  });

  async function send(route: OfficeRouteDef, url: string, body: unknown, signal: AbortSignal | undefined, fresh: boolean): Promise<Response> {
    const token = options.getToken ? await options.getToken() : '';
    const headers: Record<string, string> = { accept: 'application/json, */*' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    try {
      return await client(url, {
        method: route.method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        ...(signal ? { signal } : {}),
      });
    } catch (e) {
      // A host's session may have expired between getToken and the server: ask once more for a fresh token.
      if (!fresh && e instanceof HTTPError && e.response.status === 401 && options.getToken) {
        return send(route, url, body, signal, true);
      }
      throw toError(e);
    }
  }

  return {
    async call<Op extends OfficeOperation>(op: Op, input: OfficeInput<Op>, callOptions: OfficeCallOptions = {}): Promise<OfficeOutput<Op>> {
      const route = officeRoutes[op] as OfficeRouteDef;
      const path = officeRoutePath(route.path, (input.params ?? {}) as Record<string, string | number>);
      const url = path.slice(1) + searchOf(input.query as Query | undefined);
      const res = await send(route, url, input.body, callOptions.signal, false);
      try {
        if ('mediaType' in route.success) return new Uint8Array(await res.arrayBuffer()) as OfficeOutput<Op>;
        const data: unknown = await res.json();
        const parsed = route.success.schema.safeParse(data);
        if (!parsed.success) {
          throw new OfficeBackendError({ code: 'BAD_RESPONSE', status: res.status, details: { zod: parsed.error.issues } });
        }
        return parsed.data as OfficeOutput<Op>;
      } catch (e) {
        throw toError(e, res.status);
      }
    },
  };
}

function toError(e: unknown, status = 0): OfficeBackendError {
  if (e instanceof OfficeBackendError) return e;
  if (e instanceof HTTPError) {
    const parsed = OfficeErrorBodySchema.safeParse(e.data);
    if (parsed.success) {
      return new OfficeBackendError(
        {
          code: parsed.data.code,
          status: e.response.status,
          messages: parsed.data.message,
          ...(parsed.data.details ? { details: parsed.data.details } : {}),
        },
        { cause: e },
      );
    }
    const code = e.response.status === 401 ? 'UNAUTHENTICATED' : e.response.status >= 500 ? 'UNAVAILABLE' : 'BAD_RESPONSE';
    return new OfficeBackendError({ code, status: e.response.status }, { cause: e });
  }
  const name = (e as { name?: string } | undefined)?.name;
  if (name === 'TimeoutError') return new OfficeBackendError({ code: 'TIMEOUT', status: 0 }, { cause: e });
  if (name === 'AbortError') return new OfficeBackendError({ code: 'ABORTED', status: 0 }, { cause: e });
  if (name === 'SyntaxError') return new OfficeBackendError({ code: 'BAD_RESPONSE', status }, { cause: e });
  return new OfficeBackendError({ code: 'NETWORK', status: 0 }, { cause: e });
}
