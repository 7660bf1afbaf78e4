// Runs inside Chromium (built by incoming.bench.ts): the first complete render of <egov-incoming> over an in-memory
// agency of 2 000 incoming documents (element created → the rows are in its shadow DOM → the next frame), against the
// baseline of the same rows written as one plain HTML table with innerHTML (no framework, no data access).
import { demoIncoming, demoSeed, memoryOfficeBackend } from '../src/testing.js';
import '../src/incoming/incoming.js';
import '../src/office/office.js';

const TODAY = '2026-12-02';
const COUNT = 2000;
const seed = demoSeed({ count: COUNT, today: TODAY });
const docs = demoIncoming(COUNT, { today: TODAY });
const frame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));

async function egov(pageSize: number): Promise<number> {
  const backend = memoryOfficeBackend(seed);
  const host = document.createElement('div');
  document.body.append(host);
  const t0 = performance.now();
  const el = document.createElement('egov-incoming');
  el.pageSize = pageSize;
  el.office = { backend, user: { id: 'vanthu', name: 'Văn thư', role: 'vanThu' }, today: TODAY };
  host.append(el);
  while (el.shadowRoot?.querySelectorAll('tr[part=row]').length !== pageSize) {
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
  }
  await frame();
  const t = performance.now() - t0;
  host.remove();
  return t;
}

/** <egov-office> opening on the incoming view: its menu, the feature's lazy chunk, then the first page of 50 rows. */
async function office(): Promise<number> {
  const backend = memoryOfficeBackend(seed);
  const host = document.createElement('div');
  document.body.append(host);
  const t0 = performance.now();
  const el = document.createElement('egov-office');
  el.office = { backend, user: { id: 'vanthu', name: 'Văn thư', role: 'vanThu' }, today: TODAY };
  host.append(el);
  const rows = () => el.shadowRoot?.querySelector('egov-incoming')?.shadowRoot?.querySelectorAll('tr[part=row]').length ?? 0;
  while (rows() !== 50) await new Promise((r) => setTimeout(r, 0));
  await frame();
  const t = performance.now() - t0;
  host.remove();
  return t;
}

/** The data access alone (the in-memory backend's first page): what the element waits for before it draws. */
async function data(pageSize: number): Promise<number> {
  const backend = memoryOfficeBackend(seed);
  const t0 = performance.now();
  await backend.call('listIncoming', { query: { limit: pageSize } });
  return performance.now() - t0;
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

async function plain(pageSize: number): Promise<number> {
  const host = document.createElement('div');
  document.body.append(host);
  const t0 = performance.now();
  const rows = docs
    .slice(0, pageSize)
    .map(
      (d) =>
        `<tr><td>${d.unread ? '•' : ''}</td><td>${d.arrivalNumber ?? ''}</td><td>${esc(d.notation ?? '')}</td><td><button>${esc(d.subject ?? '')}</button></td><td>${esc(d.from.name)}</td><td>${d.arrivedAt.slice(0, 10)}</td><td>${d.state}</td><td>${d.dueDate ?? ''}</td></tr>`,
    )
    .join('');
  host.innerHTML = `<table><tbody>${rows}</tbody></table>`;
  await frame();
  const t = performance.now() - t0;
  host.remove();
  return t;
}

declare global {
  interface Window {
    benchReady: boolean;
    benchRun: (name: string) => Promise<number>;
  }
}

window.benchRun = (name) => {
  const [kind, size] = name.split(' ');
  if (kind === 'office') return office();
  return kind === 'egov' ? egov(Number(size)) : kind === 'data' ? data(Number(size)) : plain(Number(size));
};
window.benchReady = true;
