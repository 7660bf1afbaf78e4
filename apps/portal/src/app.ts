// The portal's state: the demo kit from the hub, the agency being played, the language, the route. Pages read it and
// call `refresh()` after a change; nothing else holds state.
import { ExchangeClient, ExchangeError } from '@egov-vn/exchange-client';
import type { Agency } from '@egov-vn/exchange-api';
import type { PortalAgency } from './compose-model.js';
import { lang, setLang, t, type Lang } from './i18n.js';

/** One agency of the hub's demo kit (GET /demo/kit.json, see apps/exchange-hub/src/trust.ts). */
export interface KitAgency extends PortalAgency {
  email: string | null;
  systemId: string;
  secret: string;
  signer: { fullName: string; position: string; chain: string[]; privateKeyPkcs8: string };
  /** The agency's own certificate: its digital seal, applied by the clerk after the leader signs. */
  seal: { chain: string[]; privateKeyPkcs8: string };
}

export interface DemoKit {
  note: string;
  trustAnchors: string[];
  agencies: KitAgency[];
}

export type Route =
  | { page: 'compose' }
  | { page: 'inbox' }
  | { page: 'incoming'; id: string }
  | { page: 'sent' }
  | { page: 'outgoing'; id: string }
  | { page: 'schedule' }
  | { page: 'calendar' }
  | { page: 'stats' };

export const state = {
  kit: undefined as DemoKit | undefined,
  agencyCode: '',
  directory: [] as Agency[],
  route: { page: 'inbox' } as Route,
  error: '',
};

let rerender: () => void = () => undefined;

export function onRefresh(fn: () => void): void {
  rerender = fn;
}

/** Draws the page again from the state. */
export function refresh(): void {
  rerender();
}

/** Demo data the kit does not carry: the parent body printed above the issuer, and the drafting unit. */
const DEMO_DETAILS: Record<string, { parentName: string; draftingUnit: string }> = {
  '000.00.01.H49': { parentName: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH', draftingUnit: 'TH' }, // Phòng Tổng hợp
  '000.00.02.H49': { parentName: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH', draftingUnit: 'VP' },
  '000.00.03.H49': { parentName: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH', draftingUnit: 'VP' },
};

export function currentAgency(): KitAgency {
  const kit = state.kit!;
  const found = kit.agencies.find((a) => a.code === state.agencyCode) ?? kit.agencies[0]!;
  return { ...found, ...DEMO_DETAILS[found.code] };
}

const clients = new Map<string, ExchangeClient>();

/** The exchange client of a demo agency (the hub is reached through the portal's own origin: a proxy). */
export function hubFor(code: string): ExchangeClient {
  const agency = state.kit?.agencies.find((a) => a.code === code) ?? currentAgency();
  const key = `${agency.code}|${lang()}`;
  let client = clients.get(key);
  if (!client) {
    client = new ExchangeClient({
      baseUrl: window.location.origin,
      systemId: agency.systemId,
      secret: agency.secret,
      agency: agency.code,
      lang: lang(),
      retries: 1,
    });
    clients.set(key, client);
  }
  return client;
}

/** The exchange client of the agency being played. */
export function hub(): ExchangeClient {
  return hubFor(state.agencyCode);
}

/** A user-facing message for any failure (ExchangeError carries Vietnamese and English). */
export function messageOf(error: unknown): string {
  if (error instanceof ExchangeError) return error.messages[lang()];
  if (error instanceof Error) return error.message;
  return String(error);
}

export function agencyName(code: string): string {
  return state.directory.find((a) => a.code === code)?.name ?? state.kit?.agencies.find((a) => a.code === code)?.name ?? code;
}

export function parseRoute(hash: string): Route {
  const [page, id] = hash.replace(/^#\/?/, '').split('/');
  switch (page) {
    case 'compose':
    case 'inbox':
    case 'sent':
    case 'schedule':
    case 'calendar':
    case 'stats':
      if (page === 'inbox' && id) return { page: 'incoming', id };
      if (page === 'sent' && id) return { page: 'outgoing', id };
      return { page };
    default:
      return { page: 'inbox' };
  }
}

export function href(route: Route): string {
  if (route.page === 'incoming') return `#/inbox/${route.id}`;
  if (route.page === 'outgoing') return `#/sent/${route.id}`;
  return `#/${route.page}`;
}

const STORAGE = 'egov-portal';

export function saved<T>(key: string, fallback: T): T {
  try {
    const raw = localStorage.getItem(`${STORAGE}:${key}`);
    return raw ? (JSON.parse(raw) as T) : fallback;
  } catch {
    return fallback;
  }
}

export function save(key: string, value: unknown): void {
  localStorage.setItem(`${STORAGE}:${key}`, JSON.stringify(value));
}

export function switchAgency(code: string): void {
  state.agencyCode = code;
  save('agency', code);
  void loadDirectory().then(refresh);
}

export function switchLang(next: Lang): void {
  setLang(next);
  save('lang', next);
  refresh();
}

/** The hub's agency directory (the recipients one can choose). */
export async function loadDirectory(): Promise<void> {
  try {
    state.directory = (await hub().listAgencies({ limit: 200 })).items;
  } catch (e) {
    state.error = messageOf(e);
  }
}

/** Loads the demo kit and the directory; says clearly when the hub is not there. */
export async function boot(): Promise<void> {
  setLang(saved<Lang>('lang', 'vi'));
  try {
    const res = await fetch('/demo/kit.json');
    if (!res.ok) throw new Error(`${res.status}`);
    state.kit = (await res.json()) as DemoKit;
  } catch {
    state.error = t().hubDown;
    return;
  }
  const wanted = saved('agency', state.kit.agencies[0]?.code ?? '');
  state.agencyCode = state.kit.agencies.some((a) => a.code === wanted) ? wanted : (state.kit.agencies[0]?.code ?? '');
  await loadDirectory();
}

/** Civil date in Vietnam of an ISO timestamp, dd/mm/yyyy hh:mm. */
export function vnDateTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString();
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)} ${d.slice(11, 16)}`;
}
