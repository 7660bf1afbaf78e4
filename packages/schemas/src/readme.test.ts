// README doc-test: the root README's sample document is valid as written, and every example of this package's README
// marked `ts run` runs as written against the real package (a fresh Node process, sources through tsx). Other fences
// are counted by their info string, so an example that stops being checked shows in the counts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AdministrativeDocumentSchema } from './document/document.js';
import { validate } from './validate.js';

const pkgDir = new URL('..', import.meta.url).pathname;

interface Fence {
  info: string;
  code: string;
}

function fences(markdown: string): Fence[] {
  return [...markdown.matchAll(/^```([^\n]*)\n([\s\S]*?)^```$/gmu)].map((m) => ({ info: m[1]!.trim(), code: m[2]! }));
}

describe('README examples', () => {
  it('the root README’s sample document is a valid công văn, and a misspelt key in it is refused', () => {
    const samples = fences(readFileSync(join(pkgDir, '../../README.md'), 'utf8')).filter((f) => f.info === 'json egov-sample');
    expect(samples).toHaveLength(1);
    const sample = JSON.parse(samples[0]!.code) as Record<string, unknown> & { issuer: Record<string, unknown> };
    expect(validate(AdministrativeDocumentSchema, sample)).toEqual({ ok: true, value: sample });
    const { parentName, ...issuer } = sample.issuer;
    const misspelt = validate(AdministrativeDocumentSchema, { ...sample, issuer: { ...issuer, parent: parentName } });
    expect(misspelt.ok ? [] : misspelt.issues.map((i) => [i.path.join('.'), i.params['suggestion']])).toEqual([['issuer.parent', 'parentName']]);
  });

  it('every `ts run` example of this package’s README runs as written', { timeout: 120_000 }, () => {
    const all = fences(readFileSync(join(pkgDir, 'README.md'), 'utf8'));
    const runnable = all.filter((f) => /^ts\s+run\b/u.test(f.info));
    const counts = Object.fromEntries([...new Set(all.map((f) => f.info))].map((info) => [info, all.filter((f) => f.info === info).length]));
    expect({ counts, runnable: runnable.length }).toMatchObject({ runnable: expect.any(Number) });
    expect(runnable.length).toBeGreaterThan(0);
    const dir = mkdtempSync(join(pkgDir, '.readme-'));
    try {
      runnable.forEach((f, i) => writeFileSync(join(dir, `example-${i}.ts`), f.code));
      // One process for all examples: each is imported in turn; an assertion or a throw fails the run.
      const script = `for (const i of ${JSON.stringify(runnable.map((_, i) => i))}) await import('./example-' + i + '.ts');`;
      writeFileSync(join(dir, 'run.ts'), script);
      const out = execFileSync(process.execPath, ['--conditions', '@egov-vn/source', '--import', 'tsx', join(dir, 'run.ts')], { cwd: pkgDir, encoding: 'utf8' });
      expect(out).toContain('did you mean "parentName"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
