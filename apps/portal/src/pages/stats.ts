// The e-document usage report (<egov-edoc-stats>) of the signed-in user's agency, month by month this year, counted
// from the office server's lists (what the agency sent and received), so the browser needs no exchange credential.
import '@egov-vn/report-elements/edoc-stats';
import type { StatsQuery, Stats } from '@egov-vn/exchange-api';
import type { IncomingItem, OutgoingItem } from '@egov-vn/office-api';
import { monthsBetween, statsRowsFrom, type EdocStatsRow, type StatsSource } from '@egov-vn/report-elements/data';
import { civilDateOf, formatIsoDate, todayInVietnam } from '@egov-vn/schemas';
import { html, nothing, type TemplateResult } from 'lit';
import { backend, messageOf, refresh, state } from '../app.js';
import { lang, t } from '../i18n.js';

let loaded: { key: string; rows?: EdocStatsRow[]; error?: string } | undefined;

/** Drop the figures (after a send or a status change they are stale). */
export function invalidateStats(): void {
  loaded = undefined;
}

async function all<T>(page: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const p = await page(cursor);
    items.push(...p.items);
    cursor = p.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

/** A StatsSource over the agency's own outgoing and incoming documents (the office server's lists). */
export function officeStatsSource(agency: string, outgoing: OutgoingItem[], incoming: IncomingItem[]): StatsSource {
  const day = (iso: string) => formatIsoDate(civilDateOf(new Date(iso)));
  return {
    getStats(query: StatsQuery): Promise<Stats> {
      const inRange = (day: string | null) => day !== null && day >= query.from && day <= query.to;
      const sent = outgoing.filter((o) => o.kind === 'new' && o.sentAt && inRange(day(o.sentAt)));
      const received = incoming.filter((i) => inRange(day(i.arrivedAt)));
      const acknowledged = received.filter((i) => i.arrivalNumber !== null);
      const sameDay = acknowledged.filter((i) => i.arrivalDate === day(i.arrivedAt));
      return Promise.resolve({
        agency,
        from: query.from,
        to: query.to,
        // Everything the office server sends goes through the exchange, signed by the leader and sealed.
        outgoing: { total: sent.length, electronicOnly: sent.length, withPaper: 0, signed: sent.length, signedShare: sent.length ? 1 : 0 },
        incoming: {
          received: received.length,
          acknowledged: acknowledged.length,
          acknowledgedSameDay: sameDay.length,
          sameDayShare: received.length ? sameDay.length / received.length : 0,
        },
      });
    },
  };
}

function load(): NonNullable<typeof loaded> {
  const me = state.me!;
  const key = `${lang()}|${me.id}`;
  if (loaded?.key === key) return loaded;
  const l: NonNullable<typeof loaded> = { key };
  loaded = l;
  const today = formatIsoDate(todayInVietnam());
  Promise.all([
    all((cursor) => backend.call('listOutgoing', { query: { limit: 200, ...(cursor ? { cursor } : {}) } })),
    all((cursor) => backend.call('listIncoming', { query: { limit: 200, ...(cursor ? { cursor } : {}) } })),
  ])
    .then(([outgoing, incoming]) =>
      statsRowsFrom(officeStatsSource(me.agency, outgoing, incoming), {
        agencies: [{ code: me.agency, name: me.agencyName }],
        months: monthsBetween(`${today.slice(0, 4)}-01`, today.slice(0, 7)),
        lang: lang(),
      }),
    )
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
    ${l.rows ? html`<egov-edoc-stats heading=${tx.statsHeading(state.me?.agencyName ?? '')} .data=${l.rows}></egov-edoc-stats>` : html`<p role="status">${tx.loading}</p>`}
  `;
}
