// The plain page's script (no framework): define the features, give the context (back end URL, getToken with 60-s
// tokens, user, locale), route `egov-navigate` by setting the feature's attributes, log `egov-error`.
import '@egov-vn/office-elements/compose';
import '@egov-vn/office-elements/office-context';
import '@egov-vn/office-elements/incoming';
import type { EgovOfficeContext } from '@egov-vn/office-elements';
import { exampleUsers, roleOf, shortLivedSession } from './session.js';

const $ = (selector: string): Element => document.querySelector(selector)!;
const context = document.querySelector<EgovOfficeContext>('egov-office-context')!;
const select = document.querySelector<HTMLSelectElement>('#user')!;
const session = shortLivedSession(new URLSearchParams(window.location.search).get('user') ?? 'stc.vanthu');

const log = (text: string) => {
  const item = document.createElement('li');
  item.textContent = text;
  $('#log').append(item);
};

for (const u of exampleUsers) select.add(new Option(`${u.id} — ${u.label}`, u.id, false, u.id === session.user));

async function signIn(): Promise<void> {
  // Who the user is comes from the office server (GET /v1/me with the user's token).
  try {
    const res = await fetch('/v1/me', { headers: { authorization: `Bearer ${await session.getToken()}` } });
    const me = res.ok ? ((await res.json()) as { user: { id: string; name: string } }).user : undefined;
    context.user = { id: me?.id ?? session.user, name: me?.name ?? session.user, role: roleOf(session.user) };
  } catch (e) {
    log(`Không lấy được người dùng / user not loaded: ${(e as Error).message}`);
    context.user = { id: session.user, name: session.user, role: roleOf(session.user) };
  }
  $('#tokens').textContent = String(session.issued);
}

context.baseUrl = window.location.origin;
context.getToken = async () => {
  const token = await session.getToken();
  $('#tokens').textContent = String(session.issued);
  return token;
};
select.addEventListener('change', () => {
  session.switchUser(select.value);
  void signIn();
});

// The features never route: the page decides. Here a document opens in the feature that asked.
document.addEventListener('egov-navigate', (e) => {
  e.preventDefault();
  const target = e.detail;
  log(`egov-navigate ${target.view}${target.id ? ` ${target.id}` : ''}`);
  if (target.view === 'incoming') $('egov-incoming').setAttribute('document-id', target.id ?? '');
  if (target.view === 'compose') $('egov-compose').setAttribute('draft-id', target.id ?? '');
});
document.addEventListener('egov-error', (e) => log(`egov-error ${e.detail.operation}: ${e.detail.code}`));

void signIn();
