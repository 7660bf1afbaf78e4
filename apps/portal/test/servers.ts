// The servers of the portal's journey, started once per test file: the sandbox hub (in this process, PGlite in memory,
// the demo seed and a fresh demo CA written to a temporary DEMO_PKI_DIR), the demo office server (its real main, a
// child process, reading that directory for its server-side demo signer) and the portal — its production build (`vite
// build` in a child process, while the office server starts) served by `vite preview` with the same proxy as the dev
// server: bundled chunks load fast and no dependency optimisation reloads the page mid-journey. Everything
// started is stopped by `close()`, even when starting failed half-way. The embed examples' office host test uses it too
// (without the portal, with persistent office data so a killed and restarted office server finds its documents).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoSeed } from '@egov-vn/exchange-hub/src/config.js';
import { startHub, type RunningHub } from '@egov-vn/exchange-hub/src/server.js';
import { loadDemoKit, type DemoKit } from '@egov-vn/exchange-hub/src/trust.js';
import { renderDocumentPdf } from '@egov-vn/document-pdf/node';
import { cryptoKeySigner, signPdf } from '@egov-vn/pdf-signature';
import { formatIsoDate, todayInVietnam } from '@egov-vn/schemas';
import { freePort, startMain } from '@egov-vn/vitest-config/processes';
import { preview, type PreviewServer } from 'vite';

const appsDir = join(import.meta.dirname, '..', '..');

export interface Servers {
  hub: RunningHub;
  officeUrl: string;
  /** The portal (its build, served by `vite preview`; '' when started without it). */
  portalUrl: string;
  /** The demo kit as the hub keeps it on disk (system secrets and private keys included): what must never leak. */
  kit: DemoKit;
  /** The office server's demo signing relay's client secret at its CSC mock (server-side only): must never leak. */
  signingSecret: string;
  pkiDir: string;
  logs: string[];
  /** Stops the office server (SIGKILL: as if it crashed) and answers when it is gone. */
  killOffice(): Promise<void>;
  /** Starts the office server again on the same port. */
  restartOffice(): Promise<void>;
  close(): Promise<void>;
}

/** Starts apps/office-server's main (DEMO mode) on `port`; answers when it prints its URL. */
function startOfficeServer(env: Record<string, string>, logs: string[]): Promise<{ url: string; child: ChildProcess }> {
  return startMain(join(appsDir, 'office-server'), { env: { OFFICE_CONFIG: '', DATABASE_URL: '', ...env }, logs, name: 'office server' });
}

/** `vite build` of the portal into `outDir`, in a child process (as a portal team builds); rejects with its output. */
function buildPortal(outDir: string): Promise<void> {
  const root = join(import.meta.dirname, '..');
  const child = spawn(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build of the portal failed (${code}): ${out.slice(-2000)}`))));
  });
}

export interface ServersOptions {
  /** Build and serve the portal too (default true). The embed examples serve their own pages. */
  portal?: boolean;
  /** Origins allowed to call the office server from a browser (besides the portal's). */
  corsOrigins?: string[];
  /** Keep the office server's data in a directory (PGlite), so a restarted server finds it again; default in memory. */
  persistent?: boolean;
}

export async function startServers(options: ServersOptions = {}): Promise<Servers> {
  const logs: string[] = [];
  const pkiDir = mkdtempSync(join(tmpdir(), 'egov-portal-pki-'));
  const dataDir = options.persistent ? mkdtempSync(join(tmpdir(), 'egov-portal-office-')) : undefined;
  const portalDir = options.portal !== false ? mkdtempSync(join(tmpdir(), 'egov-portal-dist-')) : undefined;
  let hub: RunningHub | undefined;
  let office: ChildProcess | undefined;
  let vite: PreviewServer | undefined;
  let built: Promise<void> | undefined;
  const close = async () => {
    office?.kill('SIGTERM');
    await built?.catch(() => undefined);
    await vite?.close();
    await hub?.close();
    rmSync(pkiDir, { recursive: true, force: true });
    if (portalDir) rmSync(portalDir, { recursive: true, force: true });
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    if (portalDir) {
      const t0 = Date.now();
      built = buildPortal(portalDir).then(() => console.log(`portal built in ${Date.now() - t0} ms`));
    }
    const kit = await loadDemoKit(pkiDir, demoSeed);
    hub = await startHub({ port: 0, dataDir: 'memory://', seed: demoSeed, trust: { trustAnchors: kit.trustAnchors, demoKit: kit } });
    const [officePort, portalPort] = await Promise.all([freePort(), freePort()]);
    const signingSecret = `relay-secret-${Buffer.from(crypto.getRandomValues(new Uint8Array(12))).toString('hex')}`;
    const portalOrigin = `http://127.0.0.1:${portalPort}`;
    const officeEnv = {
      PORT: String(officePort),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir ?? 'memory://',
      HUB_URL: hub.url,
      DEMO_PKI_DIR: pkiDir,
      CORS_ORIGINS: [portalOrigin, ...(options.corsOrigins ?? [])].join(','),
      POLL_INTERVAL_MS: '300',
      DEMO_SIGNING_CLIENT_SECRET: signingSecret,
    };
    const t0 = Date.now();
    const started = await startOfficeServer(officeEnv, logs);
    console.log(`office server started in ${Date.now() - t0} ms`);
    office = started.child;
    const officeUrl = started.url;
    process.env['OFFICE_URL'] = officeUrl;
    process.env['HUB_URL'] = hub.url;
    if (portalDir) {
      await built;
      // The config's proxy reads OFFICE_URL and HUB_URL (set above) when it is loaded here.
      vite = await preview({
        configFile: join(import.meta.dirname, '..', 'vite.config.ts'),
        root: join(import.meta.dirname, '..'),
        logLevel: 'error',
        build: { outDir: portalDir },
        preview: { port: portalPort, strictPort: true },
      });
    }
    const servers: Servers = {
      hub,
      officeUrl,
      portalUrl: vite ? `${portalOrigin}/` : '',
      kit: JSON.parse(readFileSync(join(pkiDir, 'kit.json'), 'utf8')) as DemoKit,
      signingSecret,
      pkiDir,
      logs,
      async killOffice() {
        const child = office;
        if (!child || child.exitCode !== null) return;
        const gone = new Promise((r) => child.once('exit', r));
        child.kill('SIGKILL');
        await gone;
      },
      async restartOffice() {
        office = (await startOfficeServer(officeEnv, logs)).child;
      },
      close,
    };
    return servers;
  } catch (e) {
    await close();
    throw e;
  }
}

/** A call to the office server as a demo user (a token from the demo identity provider); throws on an error status. */
export async function officeApi<T>(officeUrl: string, user: string, method: string, path: string, body?: unknown): Promise<T> {
  const tok = (await (await fetch(`${officeUrl}/demo/idp/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user }) })).json()) as { access_token: string };
  const res = await fetch(`${officeUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${tok.access_token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

function der(pem: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(Buffer.from(pem.replace(/-----[^-]+-----|\s+/g, ''), 'base64'));
}

/** The demo agencies by the key of their demo users (`vp.vanthu` → vp). */
export const DEMO_AGENCY = {
  vp: { code: '000.00.01.H49', abbreviation: 'VP', position: 'Chánh Văn phòng' },
  snv: { code: '000.00.02.H49', abbreviation: 'SNV', position: 'Giám đốc' },
  stc: { code: '000.00.03.H49', abbreviation: 'STC', position: 'Giám đốc' },
} as const;

/**
 * Agency `from` drafts (chuyên viên), its leader signs, its clerk numbers, seals and sends to `to` — through the office
 * server's API, with the demo keys applied here, server-side (the test's stand-in for `<egov-compose>` and the remote
 * signer where a test does not drive them in the page).
 */
export async function sendDocument(
  servers: Pick<Servers, 'officeUrl' | 'kit'>,
  from: keyof typeof DEMO_AGENCY,
  to: keyof typeof DEMO_AGENCY,
  subject: string,
): Promise<{ id: string; exchangeId: string; notation: string }> {
  const a = DEMO_AGENCY[from];
  const agency = servers.kit.agencies.find((k) => k.code === a.code)!;
  const recipient = servers.kit.agencies.find((k) => k.code === DEMO_AGENCY[to].code)!;
  const call = <T>(user: string, method: string, path: string, body?: unknown) => officeApi<T>(servers.officeUrl, `${from}.${user}`, method, path, body);
  const document = {
    type: 'congVan',
    issuer: { name: agency.name, abbreviation: a.abbreviation, code: a.code, parentName: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH' },
    symbol: `${a.abbreviation}-VP`,
    place: 'Quảng Ninh',
    date: formatIsoDate(todayInVietnam()),
    subject,
    content: `Đề nghị ${recipient.name} phối hợp báo cáo việc gửi, nhận văn bản điện tử qua Trục liên thông.`,
    signer: { position: a.position, fullName: agency.signer.fullName },
    recipients: [{ name: recipient.name, agencyCode: recipient.code }],
  };
  const draft = await call<{ id: string }>('chuyenvien', 'POST', '/v1/drafts', { document, recipients: [recipient.code] });
  await call('chuyenvien', 'POST', `/v1/drafts/${draft.id}/submit`, { signer: `${from}.lanhdao` });
  const { pdf } = await renderDocumentPdf({ ...document, number: 1 } as never);
  const key = (k: { privateKeyPkcs8: string; chain: string[] }) =>
    crypto.subtle.importKey('pkcs8', der(k.privateKeyPkcs8), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']).then((pk) => cryptoKeySigner(pk, k.chain.map(der)));
  const signed = await signPdf(pdf, { signer: await key(agency.signer) });
  await call('lanhdao', 'POST', `/v1/drafts/${draft.id}/sign`, { pdf: Buffer.from(signed).toString('base64') });
  const numbered = await call<{ notation: string }>('vanthu', 'POST', `/v1/drafts/${draft.id}/number`, {});
  const sealed = await signPdf(signed, { signer: await key(agency.seal) });
  await call('vanthu', 'POST', `/v1/drafts/${draft.id}/seal`, { pdf: Buffer.from(sealed).toString('base64') });
  const sent = await call<{ id: string; exchangeId: string }>('vanthu', 'POST', `/v1/drafts/${draft.id}/send`, {});
  return { ...sent, notation: numbered.notation };
}
