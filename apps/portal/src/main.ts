// The portal's shell: header (agency switch, language), navigation, and the page of the current route.
import { installTokens } from '@egov-vn/elements-core';
import { html, nothing, render, type TemplateResult } from 'lit';
import { boot, currentAgency, href, onRefresh, parseRoute, state, switchAgency, switchLang, type Route } from './app.js';
import { lang, t } from './i18n.js';
import { composePage } from './pages/compose.js';
import { inboxPage, incomingPage, invalidate, outgoingPage, sentPage } from './pages/documents.js';
import { calendarPage, schedulePage } from './pages/schedule.js';
import { invalidateStats, statsPage } from './pages/stats.js';

const root = document.querySelector<HTMLElement>('#app')!;

const NAV: Array<{ route: Route; label: () => string; matches: Route['page'][] }> = [
  { route: { page: 'compose' }, label: () => t().compose, matches: ['compose'] },
  { route: { page: 'inbox' }, label: () => t().inbox, matches: ['inbox', 'incoming'] },
  { route: { page: 'sent' }, label: () => t().sent, matches: ['sent', 'outgoing'] },
  { route: { page: 'schedule' }, label: () => t().schedule, matches: ['schedule'] },
  { route: { page: 'calendar' }, label: () => t().calendar, matches: ['calendar'] },
  { route: { page: 'stats' }, label: () => t().stats, matches: ['stats'] },
];

function page(route: Route): TemplateResult {
  switch (route.page) {
    case 'compose':
      return composePage();
    case 'inbox':
      return inboxPage();
    case 'incoming':
      return incomingPage(route.id);
    case 'sent':
      return sentPage();
    case 'outgoing':
      return outgoingPage(route.id);
    case 'schedule':
      return schedulePage();
    case 'calendar':
      return calendarPage();
    case 'stats':
      return statsPage();
  }
}

function shell(): TemplateResult {
  const tx = t();
  const kit = state.kit;
  if (!kit) {
    return html`<main id="main" class="boot">
      <h1>${tx.appTitle}</h1>
      ${state.error ? html`<p class="notice error" role="alert">${state.error}</p>` : html`<p role="status">${tx.loading}</p>`}
    </main>`;
  }
  const agency = currentAgency();
  return html`
    <a class="skip" href="#main" @click=${(e: Event) => (e.preventDefault(), document.querySelector<HTMLElement>('#page-title')?.focus())}>${tx.skip}</a>
    <header class="top no-print">
      <p class="brand">${tx.appTitle}</p>
      <div class="who">
        <label for="agency">${tx.agency}</label>
        <select id="agency" @change=${(e: Event) => switchAgency((e.target as HTMLSelectElement).value)}>
          ${kit.agencies.map((a) => html`<option value=${a.code} ?selected=${a.code === agency.code}>${a.name}</option>`)}
        </select>
        <button type="button" class="secondary" lang=${lang() === 'vi' ? 'en' : 'vi'} title=${tx.languageLabel} @click=${() => switchLang(lang() === 'vi' ? 'en' : 'vi')}>
          ${tx.language}
        </button>
      </div>
    </header>
    <nav class="no-print" aria-label=${tx.nav}>
      <ul>
        ${NAV.map(
          (n) => html`<li>
            <a href=${href(n.route)} aria-current=${n.matches.includes(state.route.page) ? 'page' : nothing}>${n.label()}</a>
          </li>`,
        )}
      </ul>
    </nav>
    <main id="main">
      <p class="context no-print">${agency.name} · <span class="mono">${agency.code}</span> · ${agency.email ?? ''}</p>
      ${state.error ? html`<p class="notice error" role="alert">${state.error}</p>` : nothing} ${page(state.route)}
    </main>
    <footer class="no-print"><p>${tx.demoNote}</p></footer>
  `;
}

function draw(): void {
  document.title = t().appTitle;
  render(shell(), root);
}

onRefresh(draw);
installTokens(document);

let lastAgency = '';
window.addEventListener('hashchange', () => {
  state.route = parseRoute(window.location.hash);
  if (state.route.page === 'inbox' || state.route.page === 'sent') invalidate();
  if (state.route.page === 'stats') invalidateStats();
  draw();
  document.querySelector<HTMLElement>('#page-title')?.focus();
});

state.route = parseRoute(window.location.hash);
draw();
void boot().then(() => {
  lastAgency = state.agencyCode;
  draw();
});

// After an agency switch, lists belong to the other agency: drop them.
onRefresh(() => {
  if (state.agencyCode !== lastAgency) {
    lastAgency = state.agencyCode;
    invalidate();
  }
  draw();
});
