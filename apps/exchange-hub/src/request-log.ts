// One structured JSON line per request (time, request id, system, method, route, status, duration, refusal code),
// never a secret nor a body; the request id is echoed in `X-Request-Id`.
import { routes } from '@egov-vn/exchange-api';
import { randomUUID } from 'node:crypto';
import type { HubError } from './hub-error.js';

export interface RequestLogLine {
  time: string;
  requestId: string;
  /** The authenticated system, else the system id the request claims (bounded, printable), else null. */
  system: string | null;
  method: string;
  /** The route template (`/v1/documents/{id}`, `/vxp/sendEdoc`), never the raw URL: bounded cardinality, no ids. */
  route: string;
  status: number;
  durationMs: number;
  /** The error code of a refusal (also for /vxp, whose FAIL answers are HTTP 200). */
  refusal?: string;
  /** Why, when the answer does not say (e.g. `unknown-system` behind BAD_SIGNATURE on a production hub). */
  reason?: string;
}

/** A request id as given by a proxy or client, when sane (else a new one is made). */
export function requestIdOf(header: string | undefined): string {
  return header !== undefined && /^[A-Za-z0-9._:@/+=-]{8,128}$/.test(header) ? header : randomUUID();
}

const refusals = new WeakMap<Request, HubError>();

/** Notes the refusal a sub-application answered without throwing (the /vxp FAIL envelopes). */
export function noteRefusal(req: Request, e: HubError): void {
  refusals.set(req, e);
}

export function refusalOf(req: Request): HubError | undefined {
  return refusals.get(req);
}

const v1Routes = Object.values(routes).map((r) => ({
  template: r.path,
  re: new RegExp(`^${r.path.replace(/\{\w+\}/g, '[^/]+')}$`),
}));
const fixed = new Set(['/health/live', '/health/ready', '/openapi.json', '/metrics', '/demo/kit.json', '/demo/tsa', '/v1/trust-anchors']);

/** The route template of a path (bounded set of labels for logs and metrics). */
export function routeOf(pathname: string, vxpOperations: ReadonlySet<string>): string {
  if (fixed.has(pathname)) return pathname;
  if (pathname.startsWith('/vxp/')) {
    const op = pathname.slice(5);
    return vxpOperations.has(op) ? pathname : '/vxp/{unknown}';
  }
  for (const r of v1Routes) if (r.re.test(pathname)) return r.template;
  return '{unmatched}';
}

/** A claimed system id as it may appear in a log line: printable ASCII, at most 64 characters. */
export function shownSystem(value: string | null | undefined): string | null {
  if (!value) return null;
  return value.replace(/[^\x21-\x7e]/g, '?').slice(0, 64);
}
