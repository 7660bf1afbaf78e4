// The host's session of the office examples: a `getToken` whose tokens last 60 s. DEMO: tokens come from the office
// server's demo identity provider (`POST /demo/idp/token` with `expires_in`), reached through the page's own origin; a
// real portal asks its own identity provider (an OIDC refresh) here. The features call `getToken()` before each request
// and once more after a 401, so a session that expires every minute keeps working.

export interface HostSession {
  /** The office features' token source. */
  getToken(): Promise<string>;
  /** Tokens obtained so far (the examples show it; the tests read it). */
  readonly issued: number;
  /** Signs in as another demo user (the next getToken asks for their token). */
  switchUser(user: string): void;
  readonly user: string;
}

export function shortLivedSession(user: string, lifetimeSeconds = 60): HostSession {
  let current: { token: string; expiresAt: number } | undefined;
  let pending: Promise<string> | undefined;
  let issued = 0;
  let who = user;
  const fresh = async (): Promise<string> => {
    const res = await fetch('/demo/idp/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: who, expires_in: lifetimeSeconds }),
    });
    if (!res.ok) throw new Error(`Đăng nhập không thành công (${res.status}) / sign-in failed (${res.status})`);
    const body = (await res.json()) as { access_token: string; expires_in: number };
    current = { token: body.access_token, expiresAt: Date.now() + body.expires_in * 1000 };
    issued += 1;
    document.documentElement.dataset['tokensIssued'] = String(issued);
    return body.access_token;
  };
  return {
    getToken() {
      // Ask again 5 s before the token expires (the host's clock; the server checks the token's own exp).
      if (current && current.expiresAt - Date.now() > 5_000) return Promise.resolve(current.token);
      pending ??= fresh().finally(() => (pending = undefined));
      return pending;
    },
    get issued() {
      return issued;
    },
    switchUser(next: string) {
      who = next;
      current = undefined;
    },
    get user() {
      return who;
    },
  };
}

/** DEMO users of the office server's demo identity provider the examples offer. */
export const exampleUsers = [
  { id: 'snv.chuyenvien', label: 'Sở Nội vụ — chuyên viên (soạn, trình ký)' },
  { id: 'snv.lanhdao', label: 'Sở Nội vụ — lãnh đạo (ký)' },
  { id: 'snv.vanthu', label: 'Sở Nội vụ — văn thư (cấp số, đóng dấu, gửi)' },
  { id: 'stc.vanthu', label: 'Sở Tài chính — văn thư (tiếp nhận, phân công)' },
  { id: 'stc.chuyenvien', label: 'Sở Tài chính — chuyên viên (xử lý)' },
] as const;

/** The role the demo user ids carry (`snv.vanthu` → vanThu). */
export function roleOf(user: string): 'vanThu' | 'lanhDao' | 'chuyenVien' | 'quanTri' {
  const r = user.split('.')[1];
  return r === 'vanthu' ? 'vanThu' : r === 'lanhdao' ? 'lanhDao' : r === 'quantri' ? 'quanTri' : 'chuyenVien';
}
