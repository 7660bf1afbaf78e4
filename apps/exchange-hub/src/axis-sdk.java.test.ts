// The official axis SDK (SDKVXP 2.0.1, Java) against the real hub over HTTP: a small harness (test/java) compiled with
// javac against ../shared/peers/axis-sdk, one JVM per scenario group — one in UTC, one in Asia/Ho_Chi_Minh (the SDK
// writes its timestamp in the JVM's zone) — sends a package unchanged, the receiving system lists, fetches (the bytes
// the SDK writes are the bytes sent), marks done and answers with a status package the sender collects; a wrong secret
// and a stranger are refused; FAIL answers reach the SDK's caller as result objects with status FAIL (not null after
// an exception inside the SDK).
import { buildEdxml, type EdxmlStatusPackage } from '@egov-vn/edxml';
import { sampleStatusPackage } from '@egov-vn/edxml/testing';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningHub, startHub } from './server.js';
import { documentPackage, OTHER, R1, seed, SENDER } from './test-support.js';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../..');
const sdkDir = resolve(repoRoot, '../shared/peers/axis-sdk');
const harnessSource = resolve(here, '../test/java/AxisSdkHarness.java');
/** The SDK's own sample package (undeclared edXML:/xlink: prefixes, an unprefixed Signature), kept by @egov-vn/edxml. */
const officialSample = resolve(repoRoot, 'packages/edxml/fixtures/axis/official-sdk-sample.edxml');

type Line = { step: string; isNull?: boolean; status?: string; errorCode?: string; errorDesc?: string; docId?: string; items?: string; count?: number; filePath?: string; timeZone?: string };

let hub: RunningHub;
let work: string;
let classpath: string;

async function javaTool(name: 'javac' | 'java'): Promise<void> {
  try {
    await run(name, ['-version']);
  } catch {
    throw new Error(
      `${name} không có trên máy: cần JDK (Debian: apt-get install openjdk-17-jdk-headless) để chạy SDK của trục / ` +
        `${name} is missing: the axis SDK harness needs a JDK (Debian: apt-get install openjdk-17-jdk-headless)`,
    );
  }
}

/** Runs one scenario group in its own JVM and returns its lines by step. */
async function jvm(timeZone: string, args: string[]): Promise<Map<string, Line>> {
  const store = mkdtempSync(join(work, 'store-'));
  const { stdout } = await run('java', [`-Duser.timezone=${timeZone}`, '-Dfile.encoding=UTF-8', '-cp', classpath, 'AxisSdkHarness', `${hub.url}/vxp`, store, ...args], {
    // Seconds on an idle machine; generous for CI runners that build every package at once.
    timeout: 150_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  const lines = stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Line);
  return new Map(lines.map((l) => [l.step, { ...l, filePath: l.filePath ?? '' }]));
}

function statusPackage(code: string, number: string, from: string): string {
  const pkg: EdxmlStatusPackage = sampleStatusPackage(code);
  pkg.header.from = { organId: from, organName: `Cơ quan ${from}` };
  pkg.header.responseFor = {
    organId: SENDER,
    code: `${number}/VPCP-TTĐT`,
    promulgationDate: '2024/03/12',
    documentId: `${SENDER},2024/03/12,${number}/VPCP-TTĐT`,
  };
  return buildEdxml(pkg);
}

beforeAll(async () => {
  if (!existsSync(sdkDir)) throw new Error(`Không thấy SDK của trục / the axis SDK jars are missing: ${sdkDir}`);
  await javaTool('javac');
  await javaTool('java');
  work = mkdtempSync(join(tmpdir(), 'egov-axis-sdk-'));
  const jars = readdirSync(sdkDir)
    .filter((f) => f.endsWith('.jar'))
    .map((f) => join(sdkDir, f));
  await run('javac', ['-encoding', 'UTF-8', '-d', work, '-cp', jars.join(':'), harnessSource]);
  classpath = [work, ...jars].join(':');
  hub = await startHub({ port: 0, seed });
});
afterAll(async () => {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- beforeAll may fail before the hub starts
  if (hub) await hub.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the official axis SDK (SDKVXP 2.0.1) against the hub', () => {
  it('sends the official sample unchanged, lists, fetches byte for byte, marks done and collects the status answer, from a JVM in UTC and one in Việt Nam time', async () => {
    const cases: Array<{ timeZone: string; receiver: { system: string; secret: string; agency: string }; number: string; file?: string }> = [
      // The official sample, unchanged (16/VPCP-TTĐT from 000.00.00.G22 to 000.00.00.H49).
      { timeZone: 'UTC', receiver: { system: 'sys.qn', secret: 'secret-qn-123', agency: R1 }, number: '16', file: officialSample },
      { timeZone: 'Asia/Ho_Chi_Minh', receiver: { system: 'sys.other', secret: 'secret-other-123', agency: OTHER }, number: '902' },
    ];
    const results = await Promise.all(
      cases.map(async (c) => {
        const doc = c.file ?? join(work, `doc-${c.number}.edxml`);
        const status = join(work, `status-${c.number}.edxml`);
        if (!c.file) writeFileSync(doc, documentPackage({ to: [c.receiver.agency], number: c.number }));
        writeFileSync(status, statusPackage('01', c.number, c.receiver.agency));
        const lines = await jvm(c.timeZone, [
          'roundtrip',
          'sys.vpcp',
          'secret-vpcp-123',
          SENDER,
          c.receiver.system,
          c.receiver.secret,
          c.receiver.agency,
          doc,
          status,
        ]);
        return { c, doc, lines };
      }),
    );
    for (const { c, doc, lines } of results) {
      const step = (name: string) => {
        const l = lines.get(name);
        if (!l) throw new Error(`${c.timeZone}: no step ${name}`);
        return l;
      };
      expect(step('start').timeZone).toBe(c.timeZone);
      const send = step('send');
      expect(send).toMatchObject({ isNull: false, status: 'OK', errorCode: '0' });
      const docId = send.docId as string;
      expect(docId).toMatch(/^[0-9a-f]{24}$/);
      expect(step('list').items).toContain(`${docId}>${c.receiver.agency}/pending`);
      expect(step('count').count).toBeGreaterThanOrEqual(1);
      const fetched = step('fetch');
      expect(fetched).toMatchObject({ status: 'OK', errorCode: '0' });
      // The SDK wrote <filePath>/<docId>.edxml: the very bytes sent.
      expect(new Uint8Array(readFileSync(fetched.filePath as string))).toEqual(new Uint8Array(readFileSync(doc)));
      expect(step('done')).toMatchObject({ status: 'OK', errorCode: '0' });
      expect(step('countAfter').count).toBe(step('count').count! - 1);
      const st = step('sendStatus');
      expect(st).toMatchObject({ status: 'OK', errorCode: '0' });
      expect(step('listStatus').items).toContain(`${st.docId}>${SENDER}/pending`);
      expect(step('fetchStatus')).toMatchObject({ status: 'OK' });
      expect(step('doneStatus')).toMatchObject({ status: 'OK' });
      expect(step('sent').items).toBe(`${c.receiver.agency}/done`);
    }
    // The official sample went through unchanged, its deviations stored as warnings for the receiver.
    const official = await hub.store.db.selectFrom('documents').select(['warnings', 'edxml']).where('edxml_document_id', '=', `${SENDER},2024/03/12,16/VPCP-TTĐT`).executeTakeFirstOrThrow();
    expect([...new Set(official.warnings.map((w) => w.code))].sort()).toEqual(['EDXML_SIGNATURE_NOT_XMLDSIG', 'EDXML_UNDECLARED_PREFIX']);
    expect(new Uint8Array(official.edxml)).toEqual(new Uint8Array(readFileSync(officialSample)));
    // The hub holds the status 01 of each recipient.
    const rows = await hub.store.db.selectFrom('statuses').select(['recipient', 'code']).execute();
    expect(rows).toEqual(expect.arrayContaining([{ recipient: R1, code: '01' }, { recipient: OTHER, code: '01' }]));
  }, 180_000);

  it('refuses a wrong secret and a stranger, and every FAIL answer reaches the SDK caller as a result with status FAIL', async () => {
    const bad = join(work, 'bad.edxml');
    writeFileSync(bad, documentPackage({ to: ['000.00.00.Z99'], number: '903' }));
    const lines = await jvm('UTC', ['refusals', 'sys.vpcp', 'secret-vpcp-123', SENDER, bad]);
    const get = (name: string) => lines.get(name) as Line;
    expect(get('wrongSecret')).toMatchObject({ isNull: false, status: 'FAIL', errorCode: 'BAD_SIGNATURE' });
    expect(get('unknownSystem')).toMatchObject({ isNull: false, status: 'FAIL', errorCode: 'BAD_SIGNATURE' });
    expect(get('unknownSystem').errorDesc).toBe(get('wrongSecret').errorDesc);
    // Vietnamese first, read intact whatever the JVM's charset (the hub escapes non-ASCII as \uXXXX).
    expect(get('wrongSecret').errorDesc).toContain('Chữ ký');
    expect(get('countFail')).toMatchObject({ isNull: false, status: 'FAIL', errorCode: 'BAD_SIGNATURE', count: 0 });
    expect(get('sendFail')).toMatchObject({ isNull: false, status: 'FAIL', errorCode: 'UNKNOWN_RECIPIENT', docId: '' });
    expect(get('sendFail').errorDesc).toContain('000.00.00.Z99');
    expect(get('fetchFail')).toMatchObject({ isNull: false, status: 'FAIL', errorCode: 'NOT_FOUND' });
    expect(get('doneFail')).toMatchObject({ isNull: false, status: 'FAIL', errorCode: 'NOT_FOUND' });
  }, 180_000);
});
