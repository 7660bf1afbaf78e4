// `pnpm --filter @egov-vn/exchange-hub bench`: signed small edXML sends against the hub (PGlite in memory), on
// loopback, bounded in time; then a bare Hono handler returning 200 with the same load, as the baseline.
import { attachmentFromBytes, buildEdxml, checkEdxml } from '@egov-vn/edxml';
import { canonicalRequest, SIGNATURE_HEADERS } from '@egov-vn/exchange-api';
import autocannon from 'autocannon';
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { PDF, R1, SENDER } from '../src/test-support.js';

const duration = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const secret = 'secret-vpcp-123';

// A small document package (≈ 1.5 KB once the indentation is dropped): sender, recipient, number, date, type,
// subject, signer, one small PDF.
const edxml = buildEdxml({
  kind: 'document',
  header: {
    from: { organId: SENDER, organName: 'Văn phòng Chính phủ' },
    to: [{ organId: R1, organName: 'UBND tỉnh Quảng Ninh' }],
    documentId: `${SENDER},2024/03/12,16/VPCP-TTĐT`,
    code: { codeNumber: '16', codeNotation: 'VPCP-TTĐT' },
    promulgationInfo: { place: 'Hà Nội', promulgationDate: '2024/03/12' },
    documentType: { type: 1, typeName: 'Công văn' },
    subject: 'V/v kết nối, liên thông phần mềm quản lý văn bản',
    signerInfo: { competence: 'KT. BỘ TRƯỞNG', position: 'Thứ trưởng', fullName: 'Nguyễn Văn An' },
    responseFor: [],
  },
  manifest: { version: '1.0', references: [{ contentId: 'cid:1', contentType: 'application/pdf', attachmentName: '16.pdf' }] },
  attachments: [attachmentFromBytes({ contentId: 'cid:1', attachmentName: '16.pdf', contentType: 'application/pdf' }, PDF)],
}).replace(/>\s+</g, '><');
const check = await checkEdxml(edxml);
if (!check.ok) throw new Error(`bench package is not valid: ${check.issues.map((i) => i.message).join('; ')}`);
let counter = 0;

/** A fresh signed send (unique message id and nonce), signed synchronously with node:crypto (same canonical form). */
function signedSend(): { headers: Record<string, string>; body: string } {
  const body = JSON.stringify({ edxml, messageId: `bench-${process.pid}-${++counter}` });
  const contentSha256 = createHash('sha256').update(body).digest('hex');
  const input = {
    method: 'POST',
    pathWithQuery: '/v1/documents',
    systemId: 'sys.vpcp',
    agency: '',
    timestamp: new Date().toISOString(),
    nonce: randomBytes(16).toString('hex'),
    contentSha256,
  };
  return {
    body,
    headers: {
      'content-type': 'application/json',
      [SIGNATURE_HEADERS.systemId]: input.systemId,
      [SIGNATURE_HEADERS.timestamp]: input.timestamp,
      [SIGNATURE_HEADERS.nonce]: input.nonce,
      [SIGNATURE_HEADERS.contentSha256]: contentSha256,
      [SIGNATURE_HEADERS.signature]: createHmac('sha256', secret).update(canonicalRequest(input)).digest('hex'),
    },
  };
}

function run(url: string, signed: boolean): Promise<autocannon.Result> {
  return autocannon({
    url,
    connections,
    duration,
    method: 'POST',
    requests: [
      {
        method: 'POST',
        path: signed ? '/v1/documents' : '/',
        setupRequest: (req) => {
          const s = signedSend();
          return { ...req, headers: { ...req.headers, ...s.headers }, body: s.body };
        },
      },
    ],
  });
}

/** The server runs in its own process, so that the load generator does not share its event loop. */
async function server(kind: 'hub' | 'bare'): Promise<{ url: string; ask: (line: string) => Promise<string>; stop: () => void }> {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ['--import', 'tsx', 'bench/serve.ts', kind], {
    cwd: new URL('..', import.meta.url).pathname,
  });
  child.stderr.pipe(process.stderr);
  const lines: AsyncIterator<string> = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async (): Promise<string> => {
    const r = await lines.next();
    if (r.done === true) throw new Error(`${kind} server exited`);
    return r.value;
  };
  const first = await next();
  return {
    url: first.replace(/^URL /, ''),
    ask: async (line) => {
      child.stdin.write(`${line}\n`);
      return next();
    },
    stop: () => child.kill(),
  };
}

const hub = await server('hub');
// Warm-up (JIT, PGlite caches), not measured.
await autocannon({
  url: hub.url,
  connections: 2,
  amount: 200,
  requests: [
    {
      method: 'POST',
      path: '/v1/documents',
      setupRequest: (req) => {
        const s = signedSend();
        return { ...req, headers: { ...req.headers, ...s.headers }, body: s.body };
      },
    },
  ],
});
const sends = await run(hub.url, true);
const stored = (await hub.ask('count')).replace(/^COUNT /, '');
hub.stop();

const baseline = await server('bare');
const base = await run(baseline.url, false);
baseline.stop();

const bodyBytes = Buffer.byteLength(JSON.stringify({ edxml, messageId: 'x' }));
const sendRate = sends.requests.average;
const baseRate = base.requests.average;
console.log(`edXML package: ${Buffer.byteLength(edxml)} bytes (request body ${bodyBytes} bytes); ${connections} connections, ${duration} s each`);
console.log(
  `signed sends:    ${sendRate.toFixed(0)} sends/s  p50 ${sends.latency.p50} ms  p99 ${sends.latency.p99} ms  (${sends['2xx']} ok, ${sends.non2xx} non-2xx, ${sends.errors} errors; ${stored} stored)`,
);
console.log(`bare Hono 200:   ${baseRate.toFixed(0)} req/s    p50 ${base.latency.p50} ms  p99 ${base.latency.p99} ms`);
console.log(`ratio sends/bare: ${(sendRate / baseRate).toFixed(3)}`);
console.log(
  `targets: >= 500 sends/s ${sendRate >= 500 ? 'met' : 'NOT met'}, p99 < 50 ms ${sends.latency.p99 < 50 ? 'met' : 'NOT met'}`,
);
