// Usage statistics of the agency being played, from the hub's statistics API.
import type { Stats } from '@egov-vn/exchange-api';
import { html, nothing, type TemplateResult } from 'lit';
import { hub, messageOf, refresh, state } from '../app.js';
import { vietnamToday } from '../compose-model.js';
import { t } from '../i18n.js';

let loaded: { agency: string; stats?: Stats; error?: string } | undefined;

function load(): NonNullable<typeof loaded> {
  if (loaded?.agency === state.agencyCode) return loaded;
  const l: NonNullable<typeof loaded> = { agency: state.agencyCode };
  loaded = l;
  const to = vietnamToday();
  hub()
    .getStats({ from: `${to.slice(0, 4)}-01-01`, to })
    .then(
      (s) => (l.stats = s),
      (e: unknown) => (l.error = messageOf(e)),
    )
    .finally(refresh);
  return l;
}

export function statsPage(): TemplateResult {
  const tx = t();
  const l = load();
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  return html`
    <h1 id="page-title" tabindex="-1">${tx.statsTitle}</h1>
    ${l.error ? html`<p class="notice error" role="alert">${l.error}</p>` : nothing}
    ${l.stats
      ? html`<dl class="meta">
          <dt>Văn bản đi / outgoing</dt>
          <dd>${l.stats.outgoing.total} (${l.stats.outgoing.electronicOnly} điện tử; ${pct(l.stats.outgoing.signedShare)} ký số)</dd>
          <dt>Văn bản đến / incoming</dt>
          <dd>${l.stats.incoming.received} (${pct(l.stats.incoming.sameDayShare)} xác nhận trong ngày)</dd>
        </dl>`
      : nothing}
  `;
}
