// The portal's shell: header (DEMO user switcher, language, theme), navigation, and the page of the current route.
// The office pages are features of @egov-vn/office-elements inside one <egov-office-context>; they never route: they
// emit `egov-navigate` and the shell decides (here: the hash, so every document has a deep link).
import { installTokens } from '@egov-vn/elements-core';
import '@egov-vn/office-elements/office-context';
import { html, nothing, render, type TemplateResult } from 'lit';
import { backend, boot, go, href, officeUser, onRefresh, parseRoute, prepare, routeOf, signOut, state, switchLang, switchTheme, switchUser, type Route } from './app.js';
import { lang, t } from './i18n.js';
import { loginPage } from './pages/login.js';
import { officePage } from './pages/office.js';
import { calendarPage, schedulePage } from './pages/schedule.js';
import { invalidateStats, statsPage } from './pages/stats.js';
import { demoUsers, signedIn } from './session.js';
import { agencyOf, signingContext, trustAnchors } from './signing.js';

const root = document.querySelector<HTMLElement>('#app')!;
const signing = signingContext();
let anchors: string[] = [];
void trustAnchors().then((a) => {
  anchors = a;
  draw();
});

const NAV: Array<{ route: Route; label: () => string }> = [
  { route: { page: 'incoming' }, label: () => t().incoming },
  { route: { page: 'outgoing' }, label: () => t().outgoing },
  { route: { page: 'compose' }, label: () => t().compose },
  { route: { page: 'register' }, label: () => t().register },
  { route: { page: 'schedule' }, label: () => t().schedule },
  { route: { page: 'calendar' }, label: () => t().calendar },
  { route: { page: 'stats' }, label: () => t().stats },
];

function page(route: Route): TemplateResult {
  switch (route.page) {
    case 'login':
      return loginPage();
    case 'incoming':
    case 'outgoing':
    case 'compose':
    case 'register':
      return officePage(route);
    case 'schedule':
      return schedulePage();
    case 'calendar':
      return calendarPage();
    case 'stats':
      return statsPage();
  }
}

function userSwitcher(): TemplateResult {
  const tx = t();
  const current = state.me?.id ?? signedIn()?.sub ?? '';
  const agencies = [...new Set(demoUsers.map((u) => u.agencyName))];
  return html`<label for="demo-user"><span class="demo-badge">${tx.demo}</span> ${tx.user}</label>
    <select id="demo-user" ?disabled=${state.busy} @change=${(e: Event) => void switchUser((e.target as HTMLSelectElement).value)}>
      ${current ? nothing : html`<option value="" selected disabled>—</option>`}
      ${agencies.map(
        (name) => html`<optgroup label=${name}>
          ${demoUsers
            .filter((u) => u.agencyName === name)
            .map((u) => html`<option value=${u.id} ?selected=${u.id === current}>${u.id} — ${u.roleLabel[lang()]}</option>`)}
        </optgroup>`,
      )}
    </select>`;
}

function shell(): TemplateResult {
  const tx = t();
  const me = state.me;
  const route = me ? state.route : { page: 'login' as const };
  const nav = me
    ? html`<nav class="no-print" aria-label=${tx.nav}>
        <ul>
          ${NAV.map(
            (n) => html`<li>
              <a href=${href(n.route)} aria-current=${n.route.page === route.page ? 'page' : nothing}>${n.label()}</a>
            </li>`,
          )}
        </ul>
      </nav>`
    : nothing;
  return html`
    <a class="skip" href="#main" @click=${(e: Event) => (e.preventDefault(), document.querySelector<HTMLElement>('#page-title')?.focus())}>${tx.skip}</a>
    <header class="top no-print">
      <p class="brand">${tx.appTitle}</p>
      <div class="who">
        ${userSwitcher()}
        ${me ? html`<button type="button" class="secondary" @click=${signOut}>${tx.signOut}</button>` : nothing}
        <button type="button" class="secondary" lang=${lang() === 'vi' ? 'en' : 'vi'} title=${tx.languageLabel} @click=${() => switchLang(lang() === 'vi' ? 'en' : 'vi')}>
          ${tx.language}
        </button>
        <button type="button" class="secondary" aria-pressed=${state.theme === 'dark' ? 'true' : 'false'} @click=${() => switchTheme(state.theme === 'dark' ? 'light' : 'dark')}>
          ${tx.theme}
        </button>
      </div>
    </header>
    ${nav}
    <main id="main">
      ${me
        ? html`<p class="context no-print">
            <strong>${me.name}</strong> · ${me.title ?? ''} · ${me.agencyName} · <span class="mono">${me.agency}</span>
          </p>`
        : nothing}
      ${state.error ? html`<p class="notice error" role="alert">${state.error}</p>` : nothing}
      <egov-office-context
        .backend=${backend}
        .user=${officeUser()}
        locale=${lang()}
        .theme=${state.theme}
        .agency=${me ? agencyOf(me.agency, me.agencyName) : undefined}
        .signers=${signing.signers}
        .timestamp=${signing.timestamp}
        .trustAnchors=${anchors.length ? anchors : undefined}
        @egov-navigate=${(e: GlobalEventHandlersEventMap['egov-navigate']) => {
          e.preventDefault();
          go(routeOf(e.detail));
        }}
      >
        ${page(route)}
      </egov-office-context>
    </main>
    <footer class="no-print"><p><span class="demo-badge">${tx.demo}</span> ${tx.demoNote}</p></footer>
  `;
}

function draw(): void {
  document.title = t().appTitle;
  render(shell(), root);
}

onRefresh(draw);
installTokens(document);
prepare();

window.addEventListener('hashchange', () => {
  state.route = parseRoute(window.location.hash);
  if (state.route.page === 'stats') invalidateStats();
  draw();
  document.querySelector<HTMLElement>('#page-title')?.focus();
});

state.route = parseRoute(window.location.hash);
draw();
void boot().then(draw);
