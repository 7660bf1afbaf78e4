// Which modules an entry point loads: the packages' "light entry" tests (an entry that must not pull zod in).
import { execFileSync } from 'node:child_process';

/**
 * Imports each specifier in turn in one fresh Node process started in `cwd` (a package's folder: sources through tsx
 * and the `@egov-vn/source` condition) with a resolve hook that refuses `refused` (and its subpaths); answers, per
 * specifier, the refused module it asked for (`null` when none). Put the light entries first: once one import fails,
 * the later ones would not tell.
 * @param {string} cwd
 * @param {readonly string[]} specifiers
 * @param {string} [refused]
 * @returns {(string | null)[]}
 */
export function refusedRequests(cwd, specifiers, refused = 'zod') {
  const hook = `export async function resolve(s, c, next) { if (s === ${JSON.stringify(refused)} || s.startsWith(${JSON.stringify(`${refused}/`)})) throw new Error('REFUSED:' + s); return next(s, c); }`;
  const script = `
    import { register } from 'node:module';
    register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hook)}));
    const out = [];
    for (const s of ${JSON.stringify(specifiers)}) {
      try { await import(s); out.push(null); }
      catch (e) { const m = /REFUSED:(\\S+)/.exec(String(e?.message)); if (!m) throw e; out.push(m[1]); }
    }
    console.log(JSON.stringify(out));`;
  const out = execFileSync(process.execPath, ['--conditions', '@egov-vn/source', '--import', 'tsx', '--input-type=module', '-e', script], { cwd, encoding: 'utf8' });
  return /** @type {(string | null)[]} */ (JSON.parse(/** @type {string} */ (out.trim().split('\n').at(-1))));
}
