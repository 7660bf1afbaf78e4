// The relay with the OAuth 2.0 authorisation-code flow with PKCE (CSC v2 oauth2/authorize + oauth2/token) against
// the CSC mock over HTTP: the browser (played here by fetch with manual redirects and its own cookie jar) is only
// redirected; the code verifier, the client secret and the user's tokens stay in the relay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf } from '../node/test-support/fixtures.js';
import { serveApp } from '../node/serve.js';
import type { LocalServer } from '../node/tsa-server.js';
import { signPdf } from '../sign/sign-pdf.js';
import { listRelayCredentials, relayAuthorizeUrl, relaySigner } from '../signers/relay-client.js';
import { createCscMock, type CscMock } from '../testing/csc-mock.js';
import { createDemoPki, type DemoPki } from '../testing/pki.js';
import { verifyPdf } from '../verify/verify-pdf.js';
import { createSigningRelay } from './relay.js';

const SECRET = 'oauth-client-secret-5c4b3a';
let pki: DemoPki;
let mock: CscMock;
let service: LocalServer;
let relay: LocalServer;
let callback = '';
/** Everything a browser saw: relay and service answers (status, headers, body). */
const seen: string[] = [];

const record = async (res: Response): Promise<Response> => {
  seen.push(`${res.status}\n${[...res.headers].join(';')}\n${await res.clone().text()}`);
  return res;
};

beforeAll(async () => {
  pki = await createDemoPki();
  // The relay's address is its redirect URI: serve first, build the app once the address is known.
  const relayApp: { current?: ReturnType<typeof createSigningRelay> } = {};
  relay = await serveApp({ fetch: async (req: Request) => record(await relayApp.current!.fetch(req)) });
  callback = `${relay.url}/oauth2/callback`;
  mock = createCscMock({
    credentials: [
      { credentialID: 'nva-phone', userID: 'nva', identity: pki.signer, multisign: 5 },
      { credentialID: 'ttb-seal', userID: 'ttb', identity: pki.seal },
    ],
    clients: [{ clientId: 'portal-backend', clientSecret: SECRET, redirectUris: [callback] }],
    users: [
      { username: 'nguyenvana', password: 'mat-khau-a', userID: 'nva' },
      { username: 'tranthib', password: 'mat-khau-b', userID: 'ttb' },
    ],
    outcome: 'approve',
    afterMs: 30,
  });
  service = await serveApp(mock.app);
  relayApp.current = createSigningRelay({
    service: { baseUrl: service.url, clientId: 'portal-backend', clientSecret: SECRET, oauth2: { redirectUri: callback, returnTo: '/ky-so' } },
    authenticate: (req) => {
      const m = /^Bearer session-(\w+)$/.exec(req.headers.get('authorization') ?? '');
      return m ? { userID: m[1]! } : undefined;
    },
  });
});
afterAll(async () => {
  await relay.close();
  await service.close();
});

const session = (user: string) => ({ authorization: `Bearer session-${user}` });
const as = (user: string) => ({ url: relay.url, headers: () => session(user), pollIntervalMs: 20 });

/** A browser: follows nothing by itself, keeps the cookies it is given. */
function browser() {
  const jar = new Map<string, string>();
  return {
    jar,
    async go(url: string, init: RequestInit = {}): Promise<Response> {
      const cookies = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
      const res = await record(await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), ...(cookies ? { cookie: cookies } : {}) } }));
      for (const line of res.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const at = pair!.indexOf('=');
        const [name, value] = [pair!.slice(0, at), pair!.slice(at + 1)];
        if (/Max-Age=0/i.test(line)) jar.delete(name);
        else jar.set(name, value);
      }
      return res;
    },
  };
}

/** The user starts linking in the portal: the relay answers where to send the browser. */
async function start(b: ReturnType<typeof browser>, user: string, body?: unknown): Promise<URL> {
  const res = await b.go(`${relay.url}/oauth2/start`, { method: 'POST', headers: { ...session(user), 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
  expect(res.status).toBe(200);
  return new URL(((await res.json()) as { authorizeUrl: string }).authorizeUrl);
}

/** At the service: the sign-in and consent page, answered; gives the redirect back to the relay. */
async function consent(b: ReturnType<typeof browser>, at: URL, login: { username: string; password: string }, decision: 'approve' | 'deny' = 'approve'): Promise<URL> {
  const page = await b.go(at.href);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain('DEMO');
  const request = /name="request" value="([^"]+)"/.exec(html)![1]!;
  const answer = await b.go(new URL('authorize', at).href, { method: 'POST', body: new URLSearchParams({ request, ...login, decision }) });
  expect(answer.status).toBe(302);
  return new URL(answer.headers.get('location')!);
}

describe('signing relay with the OAuth 2.0 authorisation-code flow and PKCE', () => {
  it('a user not linked yet is asked to link (403 RELAY_OAUTH_REQUIRED), in both languages; the browser side gets where to go', async () => {
    const res = await fetch(`${relay.url}/credentials`, { method: 'POST', headers: session('nva') });
    expect(res.status).toBe(403);
    const body = (await res.json()) as { error: { code: string; vi: string; en: string }; start: string };
    expect(body.error.code).toBe('RELAY_OAUTH_REQUIRED');
    expect(body.error.vi).toContain('Chưa liên kết');
    expect(body.error.en).toContain('not linked');
    expect(body.start).toBe('oauth2/start');
    // the page's helpers: listing explains it with the relay's text; relayAuthorizeUrl answers the service's page
    await expect(listRelayCredentials(as('nva'))).rejects.toMatchObject({ code: 'REMOTE_REPLY', vi: expect.stringContaining('Chưa liên kết') });
    const url = new URL(await relayAuthorizeUrl(as('nva'), '/#/compose/7'));
    expect(url.origin + url.pathname).toBe(`${service.url}/oauth2/authorize`);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
  });

  it('happy path: start → sign in and consent at the service → callback; the relay then lists and signs with the user’s own token; no secret, verifier nor token reaches the browser', async () => {
    const b = browser();
    const at = await start(b, 'nva', { returnTo: '/#/compose/42' });
    expect(at.origin + at.pathname).toBe(`${service.url}/oauth2/authorize`);
    expect(Object.fromEntries(at.searchParams)).toMatchObject({ response_type: 'code', client_id: 'portal-backend', redirect_uri: callback, scope: 'service', code_challenge_method: 'S256' });
    expect(at.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(b.jar.get('egov_relay_oauth')).toMatch(/^[\w-]{32}$/);

    const back = await consent(b, at, { username: 'nguyenvana', password: 'mat-khau-a' });
    expect(back.origin + back.pathname).toBe(callback);
    expect(back.searchParams.get('state')).toBe(at.searchParams.get('state'));
    const done = await b.go(back.href);
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/?remote_signing=linked#/compose/42');
    expect(b.jar.has('egov_relay_oauth')).toBe(false); // the binding cookie is cleared

    // the relay exchanged the code with the verifier, client authenticated — and the verifier matches the challenge
    const exchange = mock.requests.filter((r) => r.path === '/oauth2/token').at(-1)!;
    const form = new URLSearchParams(exchange.body);
    expect(form.get('grant_type')).toBe('authorization_code');
    expect(form.get('client_secret')).toBe(SECRET);
    const verifier = form.get('code_verifier')!;
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
    expect(btoa(String.fromCharCode(...digest)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')).toBe(at.searchParams.get('code_challenge'));

    expect(await (await fetch(`${relay.url}/oauth2/status`, { headers: session('nva') })).json()).toMatchObject({ linked: true });
    // the user's token names its owner: only nva's credentials, no userID sent
    expect((await listRelayCredentials(as('nva'))).map((c) => c.credentialID)).toEqual(['nva-phone']);
    const list = mock.requests.filter((r) => r.path === '/csc/v2/credentials/list').at(-1)!;
    expect(JSON.parse(list.body)).not.toHaveProperty('userID');
    const userToken = list.authorization!.slice('Bearer '.length);

    const signed = await signPdf(await makePdf(), { signer: relaySigner({ ...as('nva'), credentialID: 'nva-phone' }) });
    expect((await verifyPdf(signed, { trustAnchors: [pki.root.der] })).signatures[0]!.indication).toBe('TOTAL_PASSED');

    // The code itself goes through the browser (that is the flow); the verifier that redeems it, the client secret and
    // the token it gave never do.
    const browserSaw = seen.join('\n');
    expect(browserSaw).toContain(form.get('code')!);
    for (const secret of [SECRET, verifier, userToken]) expect(browserSaw).not.toContain(secret);
    // unlinking forgets the token
    expect(await (await fetch(`${relay.url}/oauth2`, { method: 'DELETE', headers: session('nva') })).json()).toEqual({ linked: false });
    expect((await fetch(`${relay.url}/credentials`, { method: 'POST', headers: session('nva') })).status).toBe(403);
  });

  it('a wrong code verifier is refused by the token endpoint (invalid_grant), and so is PKCE plain or none at authorize', async () => {
    const b = browser();
    const at = await start(b, 'ttb');
    const back = await consent(b, at, { username: 'tranthib', password: 'mat-khau-b' });
    const code = back.searchParams.get('code')!;
    const token = (verifier: string) =>
      fetch(`${service.url}/oauth2/token`, {
        method: 'POST',
        body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: callback, client_id: 'portal-backend', client_secret: SECRET, code_verifier: verifier }),
      });
    const wrong = await token('x'.repeat(43));
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: 'invalid_grant', error_description: expect.stringContaining('code_verifier') });
    // and the relay, coming back with this code, cannot use it any more: not linked
    expect((await b.go(back.href)).headers.get('location')).toBe('/ky-so?remote_signing=failed');
    expect(await (await fetch(`${relay.url}/oauth2/status`, { headers: session('ttb') })).json()).toEqual({ linked: false });

    for (const method of ['plain', '']) {
      const url = new URL(at);
      url.searchParams.set('code_challenge_method', method);
      const res = await fetch(url, { redirect: 'manual' });
      expect(res.status).toBe(302);
      expect(new URL(res.headers.get('location')!).searchParams.get('error')).toBe('invalid_request');
    }
  });

  it('an authorisation code used twice is refused, and the token it gave is revoked (the mock auto-approving its test user)', async () => {
    // A client of the service doing the exchange itself (as the relay does), to replay the code; this mock approves
    // for its test user without a page (oauth2AutoApprove), called in process.
    const auto = createCscMock({
      credentials: [{ credentialID: 'nva-phone', userID: 'nva', identity: pki.signer }],
      clients: [{ clientId: 'portal-backend', clientSecret: SECRET, redirectUris: [callback] }],
      oauth2AutoApprove: 'nva',
    });
    const call = (path: string, init?: RequestInit) => auto.app.fetch(new Request(`http://csc.test${path}`, init));
    const verifier = `v${crypto.randomUUID()}${crypto.randomUUID()}`.replace(/-/g, '');
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
    const challenge = btoa(String.fromCharCode(...digest)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    const query = new URLSearchParams({ response_type: 'code', client_id: 'portal-backend', redirect_uri: callback, code_challenge: challenge, code_challenge_method: 'S256', state: 's-1' });
    const authorized = await call(`/oauth2/authorize?${query}`);
    expect(authorized.status).toBe(302);
    const back = new URL(authorized.headers.get('location')!);
    expect(back.searchParams.get('state')).toBe('s-1');
    const code = back.searchParams.get('code')!;
    const exchange = () =>
      call('/oauth2/token', {
        method: 'POST',
        headers: { authorization: `Basic ${btoa(`portal-backend:${SECRET}`)}` },
        body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: callback, code_verifier: verifier }),
      });
    const first = await exchange();
    expect(first.status).toBe(200);
    const { access_token } = (await first.json()) as { access_token: string };
    const list = () => call('/csc/v2/credentials/list', { method: 'POST', headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' }, body: '{}' });
    expect(((await (await list()).json()) as { credentialIDs: string[] }).credentialIDs).toEqual(['nva-phone']);
    const again = await exchange();
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ error: 'invalid_grant', error_description: expect.stringContaining('already used') });
    expect((await list()).status).toBe(401);
  });

  it('a state the relay did not start, or a callback from another browser (no binding cookie), is refused and nothing is exchanged', async () => {
    const b = browser();
    const at = await start(b, 'ttb');
    const back = await consent(b, at, { username: 'tranthib', password: 'mat-khau-b' });
    const exchanges = () => mock.requests.filter((r) => r.path === '/oauth2/token').length;
    const before = exchanges();

    const forged = new URL(back);
    forged.searchParams.set('state', 'not-a-state-the-relay-started');
    const r1 = await b.go(forged.href);
    expect(r1.status).toBe(400);
    expect(((await r1.json()) as { error: { code: string; vi: string } }).error).toMatchObject({ code: 'RELAY_OAUTH_STATE', vi: expect.stringContaining('state') });

    // the right state, but in another browser (an attacker's link opened by the victim): no binding cookie
    const other = browser();
    const r2 = await other.go(back.href);
    expect(r2.status).toBe(400);
    // …and that state is spent: even the right browser cannot finish it now
    expect((await b.go(back.href)).status).toBe(400);
    expect(exchanges()).toBe(before);
    expect(await (await fetch(`${relay.url}/oauth2/status`, { headers: session('ttb') })).json()).toEqual({ linked: false });
  });

  it('a user token the service stops accepting is forgotten: the user is asked to link again', async () => {
    const b = browser();
    const back = await consent(b, await start(b, 'ttb'), { username: 'tranthib', password: 'mat-khau-b' });
    expect((await b.go(back.href)).headers.get('location')).toBe('/ky-so?remote_signing=linked');
    expect((await listRelayCredentials(as('ttb'))).map((c) => c.credentialID)).toEqual(['ttb-seal']);
    // The code comes back a second time (as a replay would): the service revokes the token it gave the relay.
    const replay = await fetch(`${service.url}/oauth2/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'authorization_code', code: back.searchParams.get('code')!, redirect_uri: callback, client_id: 'portal-backend', client_secret: SECRET, code_verifier: 'x'.repeat(43) }),
    });
    expect(replay.status).toBe(400);
    const res = await fetch(`${relay.url}/credentials`, { method: 'POST', headers: session('ttb') });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('RELAY_OAUTH_REQUIRED');
    expect(await (await fetch(`${relay.url}/oauth2/status`, { headers: session('ttb') })).json()).toEqual({ linked: false });
  });

  it('denied at the service: back to the portal with remote_signing=denied; a returnTo off the site is refused', async () => {
    const b = browser();
    const at = await start(b, 'nva');
    const back = await consent(b, at, { username: 'nguyenvana', password: 'mat-khau-a' }, 'deny');
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect((await b.go(back.href)).headers.get('location')).toBe('/ky-so?remote_signing=denied');
    for (const returnTo of ['https://evil.example/', '//evil.example/x']) {
      const res = await fetch(`${relay.url}/oauth2/start`, { method: 'POST', headers: { ...session('nva'), 'content-type': 'application/json' }, body: JSON.stringify({ returnTo }) });
      expect(res.status).toBe(400);
    }
    // the callback is the only route without the portal's authentication
    expect((await fetch(`${relay.url}/oauth2/start`, { method: 'POST' })).status).toBe(401);
  });
});
