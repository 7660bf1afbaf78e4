// Server-side rendering of the read-only elements with @lit-labs/ssr (docs/embedding.md §8): <egov-deadline>,
// <egov-signature-panel> and <egov-edoc-stats> become HTML with declarative shadow DOM, visible before any script runs;
// src/ssr/client.ts then hydrates them. Runs in Node (a portal's server, or this app's test).
import '@egov-vn/calendar-elements/deadline';
import '@egov-vn/report-elements/edoc-stats';
import '@egov-vn/signature-elements/signature-panel';
import { createHash } from 'node:crypto';
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import { statsRows } from './rows.js';

/**
 * The HTML of the three elements (and the report's data for the client), to put in the page's body. The server does
 * not see the page's `<html lang>`: `lang` (the page's language) is given to each element as its `locale` and
 * `language`; in the browser the elements read `<html lang>` themselves.
 */
export async function renderReadOnly(lang: 'vi' | 'en' = 'vi'): Promise<string> {
  // The same data goes to the client (a JSON block, not a script): hydration must render what the server rendered.
  const data = JSON.stringify(statsRows).replace(/</g, '\\u003c');
  const body = await collectResult(
    render(html`<main>
      <h1>Văn bản đến số 123/UBND-VP</h1>
      <p>Hạn xử lý: <egov-deadline due="2026-02-26" today="2026-02-13" .locale=${lang} .language=${lang}></egov-deadline></p>
      <egov-signature-panel .locale=${lang} .language=${lang}></egov-signature-panel>
      <egov-edoc-stats heading="Tình hình sử dụng văn bản điện tử quý I/2026" .data=${statsRows} .locale=${lang} .language=${lang}></egov-edoc-stats>
    </main>`),
  );
  return `${body}\n<script type="application/json" id="stats-rows">${data}</script>`;
}

/**
 * The Content Security Policy sources that allow the `<style>` elements of the server-rendered shadow roots, one
 * `'sha256-…'` per distinct block (one per element class): `style-src 'self'` plus these, no `'unsafe-inline'`.
 */
export function styleHashes(body: string): string[] {
  const blocks = new Set([...body.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!));
  return [...blocks].map((css) => `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`);
}
