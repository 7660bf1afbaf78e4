// The e-document usage report (<egov-edoc-stats>) of the three demo agencies, month by month this year, from the
// hub's statistics API (one signed client per agency: the hub answers for the agency a client acts for).
import '@egov-vn/report-elements/edoc-stats';
import { monthsBetween, statsRowsFrom, type EdocStatsRow } from '@egov-vn/report-elements/data';
import { html, nothing, type TemplateResult } from 'lit';
import { hubFor, messageOf, refresh, state } from '../app.js';
import { vietnamToday } from '../compose-model.js';
import { lang, t } from '../i18n.js';

let loaded: { key: string; rows?: EdocStatsRow[]; error?: string } | undefined;

/** Drop the figures (after a send or a status change they are stale). */
export function invalidateStats(): void {
  loaded = undefined;
}

function load(): NonNullable<typeof loaded> {
  const key = lang();
  if (loaded?.key === key) return loaded;
  const l: NonNullable<typeof loaded> = { key };
  loaded = l;
  const today = vietnamToday();
  const agencies = (state.kit?.agencies ?? []).map((a) => ({ code: a.code, name: a.name }));
  statsRowsFrom(hubFor, { agencies, months: monthsBetween(`${today.slice(0, 4)}-01`, today.slice(0, 7)), lang: lang() })
    .then(
      (rows) => (l.rows = rows),
      (e: unknown) => (l.error = messageOf(e)),
    )
    .finally(refresh);
  return l;
}

export function statsPage(): TemplateResult {
  const tx = t();
  const l = load();
  return html`
    <h1 id="page-title" tabindex="-1">${tx.statsTitle}</h1>
    ${l.error ? html`<p class="notice error" role="alert">${l.error}</p>` : nothing}
    ${l.rows ? html`<egov-edoc-stats heading=${tx.statsHeading} .data=${l.rows}></egov-edoc-stats>` : html`<p role="status">${tx.loading}</p>`}
  `;
}
