// DEMO ONLY — labelled as such wherever it shows: the configuration used when OFFICE_CONFIG is not set (the three
// demo agencies of the sandbox hub, with the hub's published sandbox secrets, server-side only) and a small identity
// provider (users per agency and role, a login page issuing 15-minute JWTs from its own key). A real deployment gives
// OFFICE_CONFIG: the agencies, their exchange credentials by reference, and the portal's real identity provider.
import type { Role } from '@egov-vn/office-api';
import { type KnownUser, type OfficeServerOptions, trustAnchorsFromUrl } from '@egov-vn/office-server';
import { createTestIdentityProvider, type TestIdentityProvider } from '@egov-vn/office-server/testing';
import { Hono } from 'hono';

export const DEMO_ISSUER = 'urn:egov-vn:demo-idp';
export const DEMO_AUDIENCE = 'egov-office';
const TOKEN_MINUTES = 15;

/** The sandbox hub's demo agencies (apps/exchange-hub demoSeed) and their sandbox systems. */
const demoAgencies = [
  { code: '000.00.01.H49', name: 'Văn phòng Ủy ban nhân dân tỉnh Quảng Ninh', abbreviation: 'VP', systemId: 'vpubnd.quangninh.sandbox', secret: 'demo-secret-vpubnd-quangninh', key: 'vp' },
  { code: '000.00.02.H49', name: 'Sở Nội vụ tỉnh Quảng Ninh', abbreviation: 'SNV', systemId: 'snv.quangninh.sandbox', secret: 'demo-secret-snv-quangninh', key: 'snv' },
  { code: '000.00.03.H49', name: 'Sở Tài chính tỉnh Quảng Ninh', abbreviation: 'STC', systemId: 'stc.quangninh.sandbox', secret: 'demo-secret-stc-quangninh', key: 'stc' },
];

const demoRoles: Array<{ role: Role; id: string; name: string; title: string }> = [
  { role: 'vanThu', id: 'vanthu', name: 'Nguyễn Thị Văn Thư', title: 'Văn thư' },
  { role: 'lanhDao', id: 'lanhdao', name: 'Trần Văn Lãnh Đạo', title: 'Giám đốc' },
  { role: 'chuyenVien', id: 'chuyenvien', name: 'Lê Thị Chuyên Viên', title: 'Chuyên viên' },
  { role: 'quanTri', id: 'quantri', name: 'Phạm Văn Quản Trị', title: 'Quản trị hệ thống' },
];

/** One user per agency and role: `snv.vanthu`, `stc.lanhdao`, … */
export const demoUsers: KnownUser[] = demoAgencies.flatMap((a) =>
  demoRoles.map((r) => ({ id: `${a.key}.${r.id}`, name: `${r.name} (${a.abbreviation})`, agency: a.code, roles: [r.role], title: r.title })),
);

export function demoOptions(hubUrl: string, idp: TestIdentityProvider, database: OfficeServerOptions['database']): OfficeServerOptions {
  return {
    agencies: demoAgencies.map((a) => ({ code: a.code, name: a.name, abbreviation: a.abbreviation, exchange: { baseUrl: hubUrl, systemId: a.systemId, secret: a.secret } })),
    auth: { jwt: { issuer: idp.issuer, audience: idp.audience, jwks: idp.jwks } },
    users: demoUsers,
    // The demo CA of the sandbox hub (its /v1/trust-anchors): the demo signers' and seals' certificates chain to it.
    signatures: { trustAnchors: trustAnchorsFromUrl(`${hubUrl}/v1/trust-anchors`) },
    ...(database ? { database } : {}),
  };
}

export function createDemoIdentityProvider(): Promise<TestIdentityProvider> {
  return createTestIdentityProvider({ issuer: DEMO_ISSUER, audience: DEMO_AUDIENCE, kid: 'egov-demo-idp' });
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The demo identity provider's routes: `GET jwks.json`, `GET login` (a page to pick a demo user), `POST token`
 * (`{ "user": "snv.vanthu" }`, optionally `"expires_in": 60` for a shorter token (30 s – 15 min), or the login form)
 * → `{ access_token, token_type, expires_in }`. With `redirect_uri` (an allowed origin only) the login page sends the
 * browser back with `#access_token=…`.
 */
export function demoIdpRoutes(idp: TestIdentityProvider, allowedOrigins: string[]): Hono {
  const app = new Hono();
  const issue = (id: string, seconds: number) => {
    const user = demoUsers.find((u) => u.id === id);
    return user ? idp.issue({ id: user.id, name: user.name, agency: user.agency, roles: user.roles, ...(user.title ? { title: user.title } : {}) }, { expiresIn: `${seconds}s` }) : undefined;
  };
  const redirectOk = (uri: string | undefined) => {
    if (!uri) return false;
    try {
      return allowedOrigins.includes(new URL(uri).origin);
    } catch {
      return false;
    }
  };
  app.get('/jwks.json', (c) => c.json(idp.jwks));
  app.get('/login', (c) => {
    const redirect = c.req.query('redirect_uri');
    const hidden = redirectOk(redirect) ? `<input type="hidden" name="redirect_uri" value="${esc(redirect ?? '')}">` : '';
    const rows = demoAgencies
      .map((a) => `<fieldset><legend>${esc(a.name)} (${a.code})</legend>${demoUsers.filter((u) => u.agency === a.code).map((u) => `<button name="user" value="${esc(u.id)}">${esc(u.name)} — ${esc(u.title ?? '')}</button>`).join(' ')}</fieldset>`)
      .join('');
    return c.html(
      `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Đăng nhập (DEMO)</title></head><body><main><h1>Đăng nhập thử nghiệm — DEMO</h1><p role="note"><strong>Chỉ dùng cho bản trình diễn.</strong> Demo identity provider: tokens last ${TOKEN_MINUTES} minutes; a real portal uses its own identity provider.</p><form method="post" action="token">${hidden}${rows}</form></main></body></html>`,
    );
  });
  app.post('/token', async (c) => {
    const type = c.req.header('content-type') ?? '';
    let user: string | undefined;
    let redirect: string | undefined;
    let seconds = TOKEN_MINUTES * 60;
    if (type.includes('application/json')) {
      const body = (await c.req.json().catch(() => ({}))) as { user?: unknown; expires_in?: unknown };
      user = typeof body.user === 'string' ? body.user : undefined;
      // A shorter lifetime on request (30 s – 15 min), for hosts that test their token refresh (embed examples: 60 s).
      if (typeof body.expires_in === 'number' && Number.isInteger(body.expires_in)) seconds = Math.min(Math.max(body.expires_in, 30), TOKEN_MINUTES * 60);
    } else {
      const form = await c.req.parseBody();
      user = typeof form.user === 'string' ? form.user : undefined;
      redirect = typeof form.redirect_uri === 'string' ? form.redirect_uri : undefined;
    }
    const token = user ? await issue(user, seconds) : undefined;
    if (!token) return c.json({ error: 'unknown_user', message: { vi: 'Không có người dùng thử nghiệm này.', en: 'No such demo user.' } }, 400);
    if (redirect && redirectOk(redirect)) return c.redirect(`${redirect}#access_token=${token}&token_type=Bearer&expires_in=${TOKEN_MINUTES * 60}`, 303);
    return c.json({ access_token: token, token_type: 'Bearer', expires_in: seconds });
  });
  return app;
}
