// The portal's state: who is signed in, the language and theme, the route. The portal is a HOST: the office features
// (@egov-vn/office-elements) do the document work against the agency's office server with the user's token; the
// portal signs in, routes (the features only ask, with `egov-navigate`), and keeps its own pages (schedule, calendar,
// statistics). Pages read the state and call `refresh()` after a change; nothing else holds state.
import type { Me } from '@egov-vn/office-api';
import { EgovError } from '@egov-vn/schemas';
import { httpOfficeBackend, type OfficeBackend, type OfficeNavigationTarget, type OfficeUser } from '@egov-vn/office-elements';
import { lang, setLang, type Lang } from './i18n.js';
import { getToken, login, logout, signedIn, takeRedirectToken } from './session.js';

export type View = OfficeNavigationTarget['view'];

export type Route =
  | { page: 'login' }
  | { page: 'incoming' | 'outgoing' | 'compose'; id?: string }
  | { page: 'register'; kind?: 'incoming' | 'outgoing' }
  | { page: 'schedule' }
  | { page: 'calendar' }
  | { page: 'stats' };

export const state = {
  me: undefined as Me['user'] | undefined,
  route: { page: 'incoming' } as Route,
  theme: 'light' as 'light' | 'dark',
  error: '',
  busy: false,
};

/**
 * The agency's office server, reached through the portal's own origin (the dev server proxies /v1 and /demo/idp to
 * it, so the browser makes same-origin requests only). The features get it through `<egov-office-context>`.
 */
export const backend: OfficeBackend = httpOfficeBackend({ baseUrl: window.location.origin, getToken });

let rerender: () => void = () => undefined;

export function onRefresh(fn: () => void): void {
  rerender = fn;
}

/** Draws the page again from the state. */
export function refresh(): void {
  rerender();
}

/** The user as the office features take it (the first role the token gives). */
export function officeUser(): OfficeUser | undefined {
  const me = state.me;
  const role = me?.roles[0];
  return me && role ? { id: me.id, name: me.name, role } : undefined;
}

/** A user-facing message for any failure (the kit's errors carry Vietnamese and English). */
export function messageOf(error: unknown): string {
  if (error instanceof EgovError) return error.localized[lang()];
  if (error instanceof Error) return error.message;
  return String(error);
}

const PAGES = ['login', 'incoming', 'outgoing', 'compose', 'register', 'schedule', 'calendar', 'stats'] as const;

/** `#/incoming/<id>`, `#/register/outgoing` → the route (deep links both ways). */
export function parseRoute(hash: string): Route {
  const [page, id] = hash.replace(/^#\/?/, '').split('/');
  const known = PAGES.find((p) => p === page);
  if (!known) return { page: 'incoming' };
  if (known === 'incoming' || known === 'outgoing' || known === 'compose') return id ? { page: known, id: decodeURIComponent(id) } : { page: known };
  if (known === 'register') return id === 'incoming' || id === 'outgoing' ? { page: known, kind: id } : { page: known };
  return { page: known };
}

export function href(route: Route): string {
  if (route.page === 'register') return route.kind ? `#/register/${route.kind}` : '#/register';
  return 'id' in route && route.id ? `#/${route.page}/${encodeURIComponent(route.id)}` : `#/${route.page}`;
}

/**
 * Where an `egov-navigate` intent leads in this portal (`office` is the incoming list: the portal is the office). A
 * replacement asked from <egov-outgoing> (`{ view: 'compose', replaces }`) opens a new draft.
 */
export function routeOf(target: OfficeNavigationTarget): Route {
  switch (target.view) {
    case 'incoming':
    case 'outgoing':
      return target.id ? { page: target.view, id: target.id } : { page: target.view };
    case 'compose':
      return target.id ? { page: 'compose', id: target.id } : target.replaces ? { page: 'compose', id: 'new' } : { page: 'compose' };
    case 'register':
      return target.kind ? { page: 'register', kind: target.kind } : { page: 'register' };
    case 'office':
      return { page: 'incoming' };
  }
}

export function go(route: Route): void {
  const next = href(route);
  if (window.location.hash !== next) window.location.hash = next;
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

export function switchLang(next: Lang): void {
  setLang(next);
  save('lang', next);
  refresh();
}

export function switchTheme(next: 'light' | 'dark'): void {
  state.theme = next;
  save('theme', next);
  document.documentElement.dataset.theme = next;
  refresh();
}

/** Reads the signed-in user from the office server (`GET /v1/me`); no session → the login page. */
async function loadMe(): Promise<void> {
  state.error = '';
  if (!signedIn()) {
    state.me = undefined;
    return;
  }
  try {
    state.me = (await backend.call('getMe', {})).user;
  } catch (e) {
    state.me = undefined;
    state.error = messageOf(e);
  }
}

/** DEMO: signs in as another demo user (the user switcher) and reloads the features for them. */
export async function switchUser(userId: string): Promise<void> {
  state.busy = true;
  refresh();
  try {
    await login(userId);
    await loadMe();
    if (state.route.page === 'login') go({ page: 'incoming' });
  } catch (e) {
    state.error = messageOf(e);
  } finally {
    state.busy = false;
    refresh();
  }
}

export function signOut(): void {
  logout();
  state.me = undefined;
  go({ page: 'login' });
  refresh();
}

/** Language, theme, a token coming back from the identity provider's login page (before routing reads the hash). */
export function prepare(): void {
  setLang(saved<Lang>('lang', 'vi'));
  state.theme = saved<'light' | 'dark'>('theme', 'light');
  document.documentElement.dataset.theme = state.theme;
  takeRedirectToken();
}

/** Then the user. */
export async function boot(): Promise<void> {
  await loadMe();
}
