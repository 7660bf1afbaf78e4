import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/**
 * Imports each specifier in turn in one fresh Node process (sources through tsx and the `@egov-vn/source` condition)
 * with a resolve hook that refuses zod; answers, per specifier, the zod module it asked for (`null` when none).
 * The light entries go first: once one import fails, the later ones would not tell.
 */
function zodRequests(specifiers: string[]): (string | null)[] {
  const hook = `export async function resolve(s, c, next) { if (s === 'zod' || s.startsWith('zod/')) throw new Error('ZOD:' + s); return next(s, c); }`;
  const script = `
    import { register } from 'node:module';
    register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hook)}));
    const out = [];
    for (const s of ${JSON.stringify(specifiers)}) {
      try { await import(s); out.push(null); }
      catch (e) { const m = /ZOD:(\\S+)/.exec(String(e?.message)); if (!m) throw e; out.push(m[1]); }
    }
    console.log(JSON.stringify(out));`;
  const cwd = new URL('..', import.meta.url).pathname;
  const out = execFileSync(process.execPath, ['--conditions', '@egov-vn/source', '--import', 'tsx', '--input-type=module', '-e', script], { cwd, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').at(-1)!) as (string | null)[];
}

describe('the core entry does not load zod', () => {
  it('@egov-vn/edxml loads no zod in plain Node (it imports @egov-vn/schemas/core and /time); @egov-vn/edxml/document does', { timeout: 120_000 }, () => {
    expect(zodRequests(['@egov-vn/edxml', '@egov-vn/edxml/document'])).toEqual([null, expect.stringMatching(/^zod(\/|$)/)]);
  });
});
