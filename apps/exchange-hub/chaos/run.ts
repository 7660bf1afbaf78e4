// The chaos run: hub instances (child processes of the hub's own main) on one PostgreSQL, behind the fault proxy,
// one of them killed with SIGKILL every few seconds and restarted, while the real clients of @egov-vn/exchange-client
// (the native client on /v1 and the axis client on /vxp) send with idempotency keys and receivers list, acknowledge and
// report statuses. Then the faults stop and the database is checked: every send a client saw accepted is delivered
// exactly once to each recipient; every send a client gave up on is delivered once or not at all, and the client finds
// out which by its idempotency key; statuses never go backwards; no row is orphaned; the B-tree indexes are intact.
import { attachmentFromBytes, buildEdxml } from '@egov-vn/edxml';
import { createAxisClient, ExchangeClient, ExchangeError } from '@egov-vn/exchange-client';
import { statusTransition } from '@egov-vn/schemas';
import pg from 'pg';
import { connectionPerRequestFetch } from './fetch.js';
import { type FaultProxy, seededRandom, startFaultProxy } from './proxy.js';
import { HubProcess, killLoop } from './supervisor.js';

export interface ChaosOptions {
  /** Superuser connection string; the run creates its own database from it (and drops it unless `keepDatabase`). */
  adminUrl: string;
  sends: number;
  clients: number;
  /** Of the clients, how many speak the axis protocol (/vxp sendEdoc) instead of /v1. */
  axisClients: number;
  receivers: number;
  instances: number;
  faultRate: number;
  /** Mean pause between two kills (ms). */
  killEveryMs: number;
  /** Kills at most (default unlimited while sends go on). */
  maxKills?: number;
  /** Instead of (or besides) the timed kills: one SIGKILL and restart when this send starts (CI size). */
  killAtSend?: number;
  seed: number;
  keepDatabase?: boolean;
  log?: (line: string) => void;
}

export interface ChaosReport {
  sent: number;
  acknowledged: number;
  gaveUp: number;
  /** Given-up sends found stored before the clients asked again (the hub had them; the answer was lost). */
  gaveUpButDelivered: number;
  /** Given-up sends whose resend answered `duplicate: true` (the client learnt it was delivered) — /v1 only. */
  clientKnewDelivered: number;
  /** Given-up sends whose resend answered `duplicate: false` (the client learnt it was not) — /v1 only. */
  clientKnewNotDelivered: number;
  /** Given-up /v1 sends where the client's conclusion did not match the database: must be 0. */
  clientWrong: number;
  expectedDeliveries: number;
  delivered: number;
  duplicated: number;
  lost: number;
  /** Deliveries acknowledged `done` and statuses recorded by the receivers during the run. */
  acknowledgedByReceivers: number;
  statusesRecorded: number;
  statusBackwards: number;
  orphans: { documentsWithoutAllDeliveries: number; statusesWithoutDelivery: number; deliveriesWithoutDocument: number };
  indexesChecked: number;
  kills: number;
  restarts: number;
  proxy: FaultProxy['stats'];
  faultedShare: number;
  seconds: number;
  sendsPerSecond: number;
  /** Client-side errors by code while sending (each is one attempt that failed). */
  attemptErrors: Record<string, number>;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
/** Agency codes: senders 000.00.10.H49 …, receivers 000.00.80.H49 … (level-2 codes illustrative). */
export const senderCode = (i: number) => `000.00.${pad2(10 + i)}.H49`;
export const receiverCode = (i: number) => `000.00.${pad2(80 + i)}.H49`;

export function chaosSeed(clients: number, receivers: number) {
  const systems = [];
  for (let i = 0; i < clients; i++) {
    systems.push({ systemId: `chaos.sender.${i}`, secret: `chaos-secret-sender-${i}`, agencies: [{ code: senderCode(i), name: `Cơ quan gửi ${i + 1}` }] });
  }
  for (let i = 0; i < receivers; i++) {
    systems.push({
      systemId: `chaos.receiver.${i}`,
      secret: `chaos-secret-receiver-${i}`,
      agencies: [{ code: receiverCode(i), name: `Cơ quan nhận ${i + 1}` }],
    });
  }
  return { systems };
}

/** A small document package from `from` to `to`, numbered `n` (unique per sender: its DocumentId). */
export function chaosPackage(from: string, to: string[], n: number): string {
  const pdf = new TextEncoder().encode(`%PDF-1.4\n% chaos ${from} ${n}\n%%EOF\n`);
  return buildEdxml({
    kind: 'document',
    header: {
      from: { organId: from, organName: `Cơ quan ${from}` },
      to: to.map((organId) => ({ organId, organName: `Cơ quan ${organId}` })),
      documentId: `${from},2026/12/02,${n}/CV-HL`,
      code: { codeNumber: String(n), codeNotation: 'CV-HL' },
      promulgationInfo: { place: 'Hạ Long', promulgationDate: '2026/12/02' },
      documentType: { type: 1, typeName: 'Công văn' },
      subject: `V/v thử nghiệm chịu lỗi số ${n}`,
      signerInfo: { competence: 'KT. GIÁM ĐỐC', position: 'Phó Giám đốc', fullName: 'Nguyễn Văn An' },
      responseFor: [],
    },
    manifest: { version: '1.0', references: [{ contentId: 'cid:1', contentType: 'application/pdf', attachmentName: `${n}.pdf` }] },
    attachments: [attachmentFromBytes({ contentId: 'cid:1', attachmentName: `${n}.pdf`, contentType: 'application/pdf' }, pdf)],
  }).replace(/>\s+</g, '><');
}

interface SendRecord {
  client: number;
  axis: boolean;
  sender: string;
  number: number;
  /** The idempotency key (/v1) or the message id the hub derives (/vxp: sha256 of the package). */
  key: string;
  recipients: string[];
  edxml: string;
  outcome: 'acknowledged' | 'gave-up';
  documentId?: string;
}

/** Creates database `name` with the admin connection; answers its connection string. */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.end();
  }
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const errorCode = (e: unknown) => (e instanceof ExchangeError ? e.code : (e as Error).name || 'Error');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs the chaos scenario and checks the database; throws nothing for a failed property: the report says it. */
export async function runChaos(o: ChaosOptions): Promise<ChaosReport> {
  const log = o.log ?? (() => {});
  const random = seededRandom(o.seed);
  const dbName = `egov_hub_chaos_${process.pid}_${Date.now()}`;
  const databaseUrl = await createDatabase(o.adminUrl, dbName);
  const seed = chaosSeed(o.clients, o.receivers);
  const hubs: HubProcess[] = [];
  let proxy: FaultProxy | undefined;
  const started = Date.now();
  try {
    for (let i = 0; i < o.instances; i++) {
      hubs.push(await HubProcess.create({ env: { DATABASE_URL: databaseUrl, HUB_SEED: JSON.stringify(seed), DATA_DIR: '' } }));
    }
    // Both start at once on the fresh database: their migrations race (they must not fail).
    await Promise.all(hubs.map((h) => h.start()));
    log(`hubs up on ports ${hubs.map((h) => h.port).join(', ')} (database ${dbName})`);
    proxy = await startFaultProxy({ upstreams: hubs.map((h) => h.port), faultRate: o.faultRate, seed: o.seed });
    const proxyUrl = proxy.url;
    let restarts = 0;
    let killAtSend: Promise<void> = Promise.resolve();
    const stopKills = o.killEveryMs <= 0 ? () => Promise.resolve() : killLoop(hubs, {
      everyMs: o.killEveryMs,
      random,
      ...(o.maxKills !== undefined ? { maxKills: o.maxKills } : {}),
      onRestart: (h, ms) => {
        restarts++;
        log(`  SIGKILL hub :${h.port}, back in ${ms} ms`);
      },
    });

    const records: SendRecord[] = [];
    const attemptErrors: Record<string, number> = {};
    let nextSend = 0;
    let sendersDone = false;
    const tSend = Date.now();

    const sender = async (c: number) => {
      const axis = c >= o.clients - o.axisClients;
      const from = senderCode(c);
      const system = seed.systems[c]!;
      const native = new ExchangeClient({ baseUrl: proxyUrl, systemId: system.systemId, secret: system.secret, timeout: 4000, retries: 1, backoffLimit: 500, fetch: connectionPerRequestFetch });
      const axisClient = createAxisClient({ endpoint: `${proxyUrl}/vxp`, systemId: system.systemId, secret: system.secret, timeout: 4000, fetch: connectionPerRequestFetch });
      for (;;) {
        const i = nextSend++;
        if (i >= o.sends) return;
        if (i === o.killAtSend) {
          const victim = hubs[Math.floor(random() * hubs.length)]!;
          killAtSend = (async () => {
            const t0 = Date.now();
            await victim.kill();
            await victim.start();
            restarts++;
            log(`  SIGKILL hub :${victim.port} at send ${i}, back in ${Date.now() - t0} ms`);
          })();
        }
        const r1 = Math.floor(random() * o.receivers);
        const r2 = (r1 + 1 + Math.floor(random() * (o.receivers - 1))) % o.receivers;
        const recipients = [receiverCode(r1), receiverCode(r2)];
        const edxml = chaosPackage(from, recipients, i + 1);
        const key = axis ? `sha256:${await sha256Hex(edxml)}` : `chaos-${o.seed}-${i}`;
        const record: SendRecord = { client: c, axis, sender: from, number: i + 1, key, recipients, edxml, outcome: 'gave-up' };
        records.push(record);
        // The application's own retries on top of the client's: the same key every time.
        for (let attempt = 0; attempt < (axis ? 4 : 2); attempt++) {
          try {
            if (axis) record.documentId = (await axisClient.sendEdoc(edxml, { from })).docId;
            else record.documentId = (await native.sendDocument({ edxml }, { idempotencyKey: key })).documentId;
            record.outcome = 'acknowledged';
            break;
          } catch (e) {
            const code = errorCode(e);
            attemptErrors[code] = (attemptErrors[code] ?? 0) + 1;
            await sleep(50);
          }
        }
      }
    };

    let acknowledgedByReceivers = 0;
    let statusesRecorded = 0;
    const receiver = async (r: number) => {
      const system = seed.systems[o.clients + r]!;
      const client = new ExchangeClient({ baseUrl: proxyUrl, systemId: system.systemId, secret: system.secret, timeout: 4000, retries: 1, backoffLimit: 500, fetch: connectionPerRequestFetch });
      while (!sendersDone) {
        try {
          const page = await client.listInbox({ state: 'pending', limit: 50 });
          for (const item of page.items) {
            // 01 (arrived) then, for some, 03 (accepted): a retried or reordered 01 after 03 must be refused.
            const first = await client.updateStatus(item.documentId, { code: '01' });
            if (!first.duplicate) statusesRecorded++;
            if (random() < 0.5) {
              const second = await client.updateStatus(item.documentId, { code: '03' });
              if (!second.duplicate) statusesRecorded++;
            }
            await client.acknowledge(item.documentId, { result: 'done' });
            acknowledgedByReceivers++;
          }
          if (page.items.length === 0) await sleep(200);
        } catch {
          await sleep(100);
        }
      }
    };

    const receiving = Array.from({ length: o.receivers }, (_, r) => receiver(r));
    let lastPrint = Date.now();
    const progress = setInterval(() => {
      if (Date.now() - lastPrint < 5000) return;
      lastPrint = Date.now();
      log(`  ${Math.min(nextSend, o.sends)}/${o.sends} sends started, ${records.filter((x) => x.outcome === 'acknowledged').length} acknowledged`);
    }, 1000);
    await Promise.all(Array.from({ length: o.clients }, (_, c) => sender(c)));
    clearInterval(progress);
    const sendSeconds = (Date.now() - tSend) / 1000;
    sendersDone = true;
    await Promise.all(receiving);
    await stopKills();
    await killAtSend;
    proxy.setFaultRate(0);
    // Every instance up for the check.
    await Promise.all(hubs.map((h) => h.start()));

    // ---- checks in the database ----
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const docs = await db.query<{ sender: string; message_id: string; id: string; n: string }>(
        `select d.sender, d.message_id, d.id, (select count(*) from deliveries x where x.document_id = d.id) as n from documents d where kind = 'edoc'`,
      );
      const byKey = new Map(docs.rows.map((r) => [`${r.sender}\n${r.message_id}`, r]));
      const deliveriesOf = async (documentId: string) =>
        (await db.query<{ recipient: string }>('select recipient from deliveries where document_id = $1', [documentId])).rows.map((r) => r.recipient);
      let lost = 0;
      let delivered = 0;
      let expectedDeliveries = 0;
      let gaveUpButDelivered = 0;
      const gaveUp: SendRecord[] = [];
      const storedBefore = new Map<SendRecord, boolean>();
      for (const rec of records) {
        const row = byKey.get(`${rec.sender}\n${rec.key}`);
        if (rec.outcome === 'gave-up') {
          gaveUp.push(rec);
          storedBefore.set(rec, row !== undefined);
          if (row) gaveUpButDelivered++;
          if (row && Number(row.n) !== rec.recipients.length) lost += rec.recipients.length - Number(row.n);
          continue;
        }
        expectedDeliveries += rec.recipients.length;
        if (!row || (rec.documentId && row.id !== rec.documentId)) {
          lost += rec.recipients.length;
          continue;
        }
        const got = await deliveriesOf(row.id);
        for (const r of rec.recipients) {
          const k = got.filter((x) => x === r).length;
          if (k === 0) lost++;
          else delivered++;
        }
      }
      // A package stored twice (another document with the same DocumentId from the same sender), or a recipient
      // delivered twice, is a duplicate.
      const dupDocs = await db.query<{ n: string }>(
        `select coalesce(sum(n - 1), 0) as n from (select count(*) as n from documents where kind = 'edoc' group by sender, edxml_document_id having count(*) > 1) x`,
      );
      const dupDeliveries = await db.query<{ n: string }>(
        `select coalesce(sum(n - 1), 0) as n from (select count(*) as n from deliveries d join documents doc on doc.id = d.document_id
           where doc.kind = 'edoc' group by doc.sender, doc.edxml_document_id, d.recipient having count(*) > 1) x`,
      );
      const duplicated = Number(dupDocs.rows[0]?.n ?? 0) + Number(dupDeliveries.rows[0]?.n ?? 0);

      // The client finds out by its key: the same send again (no faults now) answers duplicate true or false.
      let clientKnewDelivered = 0;
      let clientKnewNotDelivered = 0;
      let clientWrong = 0;
      for (const rec of gaveUp) {
        const system = seed.systems[rec.client]!;
        if (rec.axis) {
          const axisClient = createAxisClient({ endpoint: `${proxyUrl}/vxp`, systemId: system.systemId, secret: system.secret });
          rec.documentId = (await axisClient.sendEdoc(rec.edxml, { from: rec.sender })).docId;
        } else {
          const native = new ExchangeClient({ baseUrl: proxyUrl, systemId: system.systemId, secret: system.secret });
          const answer = await native.sendDocument({ edxml: rec.edxml }, { idempotencyKey: rec.key });
          rec.documentId = answer.documentId;
          if (answer.duplicate) clientKnewDelivered++;
          else clientKnewNotDelivered++;
          if (answer.duplicate !== storedBefore.get(rec)) clientWrong++;
        }
        // Now it is delivered exactly once to each recipient.
        const got = await deliveriesOf(rec.documentId);
        for (const r of rec.recipients) if (got.filter((x) => x === r).length !== 1) lost++;
      }

      // Statuses replayed in the order recorded: each must have been a legal next step.
      const statuses = await db.query<{ document_id: string; recipient: string; code: string }>(
        'select document_id, recipient, code from statuses order by id',
      );
      const seen = new Map<string, string[]>();
      let statusBackwards = 0;
      for (const s of statuses.rows) {
        const k = `${s.document_id}|${s.recipient}`;
        const before = seen.get(k) ?? [];
        if (statusTransition(before, s.code).kind !== 'record') statusBackwards++;
        seen.set(k, [...before, s.code]);
      }
      const doneWithoutAck = await db.query<{ n: string }>(`select count(*) as n from deliveries where state = 'done' and acknowledged_at is null`);
      statusBackwards += Number(doneWithoutAck.rows[0]?.n ?? 0);

      const orphanDocs = await db.query<{ n: string }>(
        `select count(*) as n from documents d where cardinality(d.recipients) <> (select count(*) from deliveries x where x.document_id = d.id)`,
      );
      const orphanStatuses = await db.query<{ n: string }>(
        `select count(*) as n from statuses s left join deliveries d on d.document_id = s.document_id and d.recipient = s.recipient where d.document_id is null`,
      );
      const orphanDeliveries = await db.query<{ n: string }>(
        `select count(*) as n from deliveries d left join documents doc on doc.id = d.document_id where doc.id is null`,
      );
      // amcheck: every B-tree index of the hub's tables is structurally sound after the kills.
      await db.query('create extension if not exists amcheck');
      const indexes = await db.query<{ oid: number }>(
        `select c.oid from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am am on am.oid = c.relam
          join pg_namespace n on n.oid = c.relnamespace where am.amname = 'btree' and n.nspname = 'public'`,
      );
      for (const ix of indexes.rows) await db.query('select bt_index_check($1::regclass, true)', [ix.oid]);

      const acknowledged = records.filter((r) => r.outcome === 'acknowledged').length;
      const stats = proxy.stats;
      const faulted = Object.values(stats.faulted).reduce((a, b) => a + b, 0);
      return {
        sent: records.length,
        acknowledged,
        gaveUp: gaveUp.length,
        gaveUpButDelivered,
        clientKnewDelivered,
        clientKnewNotDelivered,
        clientWrong,
        expectedDeliveries,
        delivered,
        duplicated,
        lost,
        acknowledgedByReceivers,
        statusesRecorded,
        statusBackwards,
        orphans: {
          documentsWithoutAllDeliveries: Number(orphanDocs.rows[0]?.n ?? 0),
          statusesWithoutDelivery: Number(orphanStatuses.rows[0]?.n ?? 0),
          deliveriesWithoutDocument: Number(orphanDeliveries.rows[0]?.n ?? 0),
        },
        indexesChecked: indexes.rows.length,
        kills: hubs.reduce((a, h) => a + h.kills, 0),
        restarts,
        proxy: stats,
        faultedShare: stats.connections === 0 ? 0 : faulted / stats.connections,
        seconds: (Date.now() - started) / 1000,
        sendsPerSecond: records.length / sendSeconds,
        attemptErrors,
      };
    } finally {
      await db.end();
    }
  } finally {
    await proxy?.close();
    await Promise.all(hubs.map((h) => h.stop()));
    if (!o.keepDatabase) await dropDatabase(o.adminUrl, dbName);
    else log(`database kept: ${dbName}`);
  }
}

/** The report as the lines the chaos script prints. */
export function formatChaosReport(r: ChaosReport): string {
  const f = r.proxy.faulted;
  return [
    `sent ${r.sent} / acknowledged ${r.acknowledged} / delivered ${r.delivered} (of ${r.expectedDeliveries} expected) / duplicated ${r.duplicated} / lost ${r.lost}`,
    `gave up ${r.gaveUp}: ${r.gaveUpButDelivered} had been stored; on asking again by key the /v1 clients learnt ${r.clientKnewDelivered} delivered, ${r.clientKnewNotDelivered} not (wrong: ${r.clientWrong})`,
    `statuses recorded ${r.statusesRecorded}, going backwards ${r.statusBackwards}; receivers acknowledged ${r.acknowledgedByReceivers}`,
    `orphans: documents without all deliveries ${r.orphans.documentsWithoutAllDeliveries}, statuses without delivery ${r.orphans.statusesWithoutDelivery}, deliveries without document ${r.orphans.deliveriesWithoutDocument}; amcheck on ${r.indexesChecked} B-tree indexes: clean`,
    `faults: ${r.proxy.connections} connections, ${(r.faultedShare * 100).toFixed(1)} % faulted (drop ${f.drop}, delay ${f.delay}, reset ${f.reset}, truncate ${f.truncate}); no hub up: ${r.proxy.noUpstream}; SIGKILL ${r.kills}, restarts ${r.restarts}`,
    `failed attempts by code: ${Object.entries(r.attemptErrors).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`,
    `${r.seconds.toFixed(1)} s in all, ${r.sendsPerSecond.toFixed(0)} sends/s while faulted`,
  ].join('\n');
}
