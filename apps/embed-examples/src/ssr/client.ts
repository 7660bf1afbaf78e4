// Hydrates the server-rendered elements (src/ssr/render.ts): Lit's hydrate support must load before Lit itself, then
// each element takes over its declarative shadow root instead of rendering it again.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import type { EdocStatsRow } from '@egov-vn/report-elements/edoc-stats';

// The report's data, as the server rendered it, set before the element upgrades (it hydrates with the same data).
const stats = document.querySelector<HTMLElement & { data: readonly EdocStatsRow[] }>('egov-edoc-stats');
const rows = document.querySelector('#stats-rows')?.textContent;
if (stats && rows) stats.data = JSON.parse(rows) as EdocStatsRow[];

await Promise.all([
  import('@egov-vn/calendar-elements/deadline'),
  import('@egov-vn/signature-elements/signature-panel'),
  import('@egov-vn/report-elements/edoc-stats'),
]);
document.body.dataset['hydrated'] = 'true';
