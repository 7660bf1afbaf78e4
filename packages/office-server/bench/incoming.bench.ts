// Benchmark: the incoming list of an agency with 1 000 000 register rows on PostgreSQL, filtered and paged.
// Target (issue 19): p99 < 50 ms. Prints the figures, the ratio p99 / 50 ms (the named baseline) and the query plan.
// Needs BENCH_DATABASE_URL or TEST_DATABASE_URL (a role that may create databases); ROWS overrides the row count.
import { sql } from 'kysely';
import pg from 'pg';
import { createOfficeServer } from '../src/app.js';
import type { SessionUser } from '../src/auth.js';

const admin = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!admin) {
  console.log('incoming.bench: set BENCH_DATABASE_URL or TEST_DATABASE_URL (PostgreSQL) to run it');
  process.exit(0);
}
const ROWS = Number(process.env.ROWS ?? 1_000_000);
const RUNS = Number(process.env.RUNS ?? 200);
const TARGET_MS = 50;
const A = '000.00.02.H49';
const name = `egov_office_bench_${process.pid}`;
const run = async (q: string) => {
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  try {
    await c.query(q);
  } finally {
    await c.end();
  }
};
await run(`CREATE DATABASE ${name}`);
const url = new URL(admin);
url.pathname = `/${name}`;
try {
  const server = await createOfficeServer({
    agencies: [{ code: A, name: 'Sở Nội vụ', exchange: { baseUrl: 'http://127.0.0.1:9', systemId: 'bench', secret: 'bench-secret-unused' } }],
    auth: { authenticate: () => Promise.resolve(null) },
    database: { databaseUrl: url.toString() },
    background: { enabled: false },
    log: () => {},
  });
  const db = server.database.db;
  const t0 = performance.now();
  await sql`
    insert into incoming (id, agency, exchange_id, from_code, from_name, subject, notation, type_name, promulgation_date, urgency, state,
      arrived_at, arrival_number, arrival_date, due_date, lead_id, lead_name, assignment, return_reason, metadata, attachments, search)
    select lpad(to_hex(g), 24, '0'), ${A}, 'x' || g, (array['000.00.01.H49','000.00.03.H49','000.00.04.H49','000.00.05.H49'])[1 + g % 4],
      'Sở ' || (g % 4), 'Về việc số ' || g, g || '/STC-VP', 'Công văn', '2026-01-01',
      (array['thuong','khan','thuongKhan','hoaToc'])[1 + g % 4], (array['arrived','registered','assigned','processing','done','returned'])[1 + g % 6],
      timestamptz '2026-12-01' - (g || ' minutes')::interval, g, '2026-01-01',
      case when g % 6 in (2, 3) then to_char(date '2026-01-01' + (g % 700), 'YYYY-MM-DD') end, null, null, 'null'::jsonb, null,
      '{"edxmlDocumentId":null,"signed":true,"to":[],"signerName":null,"signerPosition":null}'::jsonb, '[]'::jsonb, 've viec so ' || g
    from generate_series(1, ${ROWS}) g`.execute(db);
  await sql`analyze incoming`.execute(db);
  console.log(`inserted ${ROWS} incoming rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const clerk: SessionUser = { id: 'vt', name: 'Văn thư', agency: A, roles: ['vanThu'] };
  const queries = {
    'state=registered, first page': { state: 'registered', limit: 50 },
    'sender + state + 3-month range': { sender: '000.00.03.H49', state: 'registered', from: '2025-06-01', to: '2025-08-31', limit: 50 },
    'urgency=hoaToc, overdue': { urgency: 'hoaToc', overdue: true, limit: 50 },
    'all, 20th page by cursor': { limit: 50, page: 20 },
  } as const;
  for (const [label, q] of Object.entries(queries)) {
    const { page = 1, ...rest } = q as Record<string, unknown> & { page?: number };
    const query = rest as Parameters<typeof server.service.listIncoming>[1];
    let cursor: string | undefined;
    for (let p = 1; p < page; p++) cursor = (await server.service.listIncoming(clerk, { ...query, ...(cursor ? { cursor } : {}) })).nextCursor ?? undefined;
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const s = performance.now();
      await server.service.listIncoming(clerk, { ...query, ...(cursor ? { cursor } : {}) });
      times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    const p = (x: number) => times[Math.min(times.length - 1, Math.floor(x * times.length))] ?? 0;
    console.log(`${label}: p50 ${p(0.5).toFixed(2)} ms, p99 ${p(0.99).toFixed(2)} ms — p99 / ${TARGET_MS} ms target = ${(p(0.99) / TARGET_MS).toFixed(3)}`);
  }
  const plan = await sql<{ 'QUERY PLAN': string }>`explain analyze select i.*, r.at from incoming i left join reads r on r.incoming_id = i.id and r.user_id = 'vt'
    where i.agency = ${A} and i.state = 'registered' and i.from_code = '000.00.03.H49'
    and i.arrived_at >= timestamptz '2025-06-01 00:00+07' and i.arrived_at < timestamptz '2025-09-01 00:00+07'
    order by i.arrived_at desc, i.id desc limit 51`.execute(db);
  console.log('plan (sender + state + range):');
  for (const r of plan.rows) console.log(`  ${r['QUERY PLAN']}`);
  await server.close();
} finally {
  await run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
