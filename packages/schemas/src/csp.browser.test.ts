import { describe, expect, it } from 'vitest';

interface Report {
  kind: 'csp-fixture';
  ok: boolean;
  badErrors: number;
  violations: string[];
}

/** Runs test/csp-fixture.ts in an iframe whose page forbids eval (script-src 'self'), and collects its report. */
function runUnderStrictCsp(jitless: boolean): Promise<Report> {
  const src = new URL('../test/csp-fixture.ts', import.meta.url).href;
  const frame = document.createElement('iframe');
  frame.srcdoc = `<!doctype html><html data-jitless="${jitless ? 1 : 0}"><head>
    <meta http-equiv="Content-Security-Policy" content="script-src 'self'">
    <script type="module" src="${src}"></script></head><body></body></html>`;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the fixture did not report')), 10_000);
    window.addEventListener('message', function onMessage(event: MessageEvent<Partial<Report> | null>) {
      if (event.source !== frame.contentWindow || event.data?.kind !== 'csp-fixture') return;
      clearTimeout(timer);
      window.removeEventListener('message', onMessage);
      frame.remove();
      resolve(event.data as Report);
    });
    document.body.append(frame);
  });
}

describe("validation under Content-Security-Policy script-src 'self'", () => {
  it('validates with no CSP violation when the page imports strict-csp first', async () => {
    const report = await runUnderStrictCsp(true);
    expect(report).toEqual({ kind: 'csp-fixture', ok: true, badErrors: expect.any(Number), violations: [] });
    expect(report.badErrors).toBeGreaterThan(5);
  });

  it('the page really forbids eval: without it, zod’s JIT probe is reported as a violation', async () => {
    const report = await runUnderStrictCsp(false);
    expect(report.ok).toBe(true);
    expect(report.violations).toContain('script-src');
  });
});
