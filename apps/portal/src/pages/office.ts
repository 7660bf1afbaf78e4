// The office pages: features of @egov-vn/office-elements, hosted. They read the context of the shell's
// <egov-office-context> (back end with the user's token, user, locale, theme); a document's deep link is the route's
// id, given to the feature as `document-id`.
import '@egov-vn/office-elements/compose';
import '@egov-vn/office-elements/incoming';
import '@egov-vn/office-elements/outgoing';
import '@egov-vn/office-elements/register';
import { html, nothing, type TemplateResult } from 'lit';
import { state, type Route } from '../app.js';
import { t } from '../i18n.js';
import { phoneUrl } from '../signing.js';

function missing(tag: string, what: string): TemplateResult | typeof nothing {
  return customElements.get(tag) ? nothing : html`<p class="notice" role="status">${t().notYet(what)}</p>`;
}

/** DEMO: where a leader or a clerk confirms a remote signature (the demo signer's "phone"), opened in a new tab. */
function demoPhone(): TemplateResult | typeof nothing {
  const me = state.me;
  const role = me?.roles.find((r) => r === 'lanhDao' || r === 'vanThu');
  if (!me || !role) return nothing;
  const tx = t();
  return html`<p class="notice no-print" data-demo-phone>
    <span class="demo-badge">${tx.demo}</span> ${tx.demoPhoneNote}
    <a href=${phoneUrl(role, me.agency)} target="_blank" rel="noopener">${tx.demoPhoneLink}</a>
  </p>`;
}

export function officePage(route: Route): TemplateResult {
  const tx = t();
  switch (route.page) {
    case 'outgoing':
      return html`<h1 id="page-title" tabindex="-1" class="visually-hidden">${tx.outgoing}</h1>
        ${missing('egov-outgoing', tx.outgoing)}<egov-outgoing document-id=${route.id ?? ''}></egov-outgoing>`;
    case 'compose':
      return html`<h1 id="page-title" tabindex="-1" class="visually-hidden">${tx.compose}</h1>
        ${missing('egov-compose', tx.compose)}${demoPhone()}<egov-compose draft-id=${route.id ?? ''} fonts-url="/fonts/"></egov-compose>`;
    case 'register':
      return html`<h1 id="page-title" tabindex="-1" class="visually-hidden">${tx.register}</h1>
        ${missing('egov-register', tx.register)}<egov-register kind=${route.kind ?? 'incoming'}></egov-register>`;
    default:
      return html`<h1 id="page-title" tabindex="-1" class="visually-hidden">${tx.incoming}</h1>
        <egov-incoming document-id=${'id' in route ? (route.id ?? '') : ''}></egov-incoming>`;
  }
}
