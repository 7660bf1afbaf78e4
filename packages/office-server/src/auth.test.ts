// Token checks of the office server, without a database: every refusal the security review asks for.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bearerToken, jwtAuthenticator, roleOf, userFromClaims } from './auth.js';
import { OfficeError } from './errors.js';
import { createTestIdentityProvider } from './testing.js';

const idp = await createTestIdentityProvider({ issuer: 'https://idp.test', audience: 'egov-office' });
const other = await createTestIdentityProvider({ issuer: 'https://idp.test', audience: 'egov-office' });
const authenticate = jwtAuthenticator({ issuer: idp.issuer, audience: idp.audience, jwks: idp.jwks, clockToleranceSec: 30 });
const user = { id: 'vanthu.a', name: 'Trần Thị Văn Thư', agency: '000.00.02.H49', roles: ['vanThu' as const] };

const req = (token?: string) => new Request('http://office.test/v1/me', token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } });
const b64url = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

async function refusal(token: string): Promise<string> {
  const e = await authenticate(req(token)).then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(OfficeError);
  const err = e as OfficeError;
  expect(err.status).toBe(401);
  expect(err.body.code).toBe('UNAUTHENTICATED');
  return String(err.body.details?.reason);
}

describe('jwtAuthenticator', () => {
  const now = Math.floor(Date.now() / 1000);

  it('accepts a valid token and maps its claims', async () => {
    expect(await authenticate(req(await idp.issue({ ...user, title: 'Văn thư' })))).toEqual({ ...user, title: 'Văn thư', email: null });
  });
  it('answers null without a token (the route answers 401)', async () => {
    expect(await authenticate(req())).toBeNull();
  });
  it('refuses an expired token, past the clock tolerance', async () => {
    expect(await refusal(await idp.issue(user, { expiresIn: now - 120 }))).toBe('expired');
  });
  it('accepts a token expired within the clock tolerance', async () => {
    expect((await authenticate(req(await idp.issue(user, { expiresIn: now - 5 }))))?.id).toBe(user.id);
  });
  it('refuses a token not yet valid (nbf in the future)', async () => {
    expect(await refusal(await idp.issue(user, { notBefore: now + 600, expiresIn: now + 1200 }))).toBe('claim:nbf');
  });
  it('refuses the wrong audience and the wrong issuer', async () => {
    expect(await refusal(await idp.issue(user, { audience: 'another-app' }))).toBe('claim:aud');
    expect(await refusal(await idp.issue(user, { issuer: 'https://evil.test' }))).toBe('claim:iss');
  });
  it('refuses a token signed by another key', async () => {
    expect(await refusal(await other.issue(user))).toBe('signature');
  });
  it('refuses alg none', async () => {
    const token = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ sub: user.id, iss: idp.issuer, aud: idp.audience, exp: now + 600, egov_agency: user.agency, egov_roles: user.roles })}.`;
    expect(await refusal(token)).toMatch(/algorithm|malformed/);
  });
  it('refuses HS256 signed with the public key (algorithm confusion)', async () => {
    const jwk = idp.jwks.keys[0] ?? {};
    const payload = { sub: user.id, iss: idp.issuer, aud: idp.audience, exp: now + 600, egov_agency: user.agency, egov_roles: ['quanTri'] };
    for (const secret of [JSON.stringify(jwk), String(jwk.n)]) {
      const head = `${b64url({ alg: 'HS256', typ: 'JWT', kid: jwk.kid })}.${b64url(payload)}`;
      const sig = createHmac('sha256', secret).update(head).digest('base64url');
      expect(await refusal(`${head}.${sig}`)).toBe('algorithm');
    }
  });
  it('refuses a tampered payload', async () => {
    const [h, , s] = (await idp.issue(user)).split('.');
    const forged = b64url({ sub: 'lanhdao', iss: idp.issuer, aud: idp.audience, exp: now + 600, egov_agency: user.agency, egov_roles: ['lanhDao'] });
    expect(await refusal(`${h}.${forged}.${s}`)).toBe('signature');
  });
  it('refuses a token without exp, subject or agency', async () => {
    expect(await refusal(await idp.issue(user, { claims: { egov_agency: undefined } }))).toBe('no-agency');
    expect(() => bearerToken(new Request('http://x', { headers: { authorization: 'Basic dXNlcjpwYXNz' } }))).toThrow(OfficeError);
  });
  it('refuses to be configured with a symmetric algorithm only', () => {
    expect(() => jwtAuthenticator({ issuer: 'i', audience: 'a', jwks: idp.jwks, algorithms: ['HS256'] })).toThrow(/asymmetric/);
  });
});

describe('claim mapping', () => {
  it('reads roles in every spelling a provider may use, and provider values through roleValues', () => {
    expect(['vanThu', 'van_thu', 'Văn thư', 'VAN-THU', 'lãnh đạo', 'chuyen vien', 'QUAN_TRI'].map((r) => roleOf(r))).toEqual([
      'vanThu', 'vanThu', 'vanThu', 'vanThu', 'lanhDao', 'chuyenVien', 'quanTri',
    ]);
    expect(roleOf('ROLE_CLERK', { ROLE_CLERK: 'vanThu' })).toBe('vanThu');
    expect(roleOf('admin')).toBeUndefined();
  });
  it('maps custom claim names and drops unknown roles', () => {
    const u = userFromClaims(
      { sub: 'u1', unit: '000.00.01.H49', groups: 'ROLE_CLERK lanh_dao superuser', display_name: 'Ngô Thị A' },
      { agency: 'unit', roles: 'groups', name: 'display_name', roleValues: { ROLE_CLERK: 'vanThu' } },
    );
    expect(u).toEqual({ id: 'u1', name: 'Ngô Thị A', agency: '000.00.01.H49', roles: ['vanThu', 'lanhDao'], title: null, email: null });
  });
});
