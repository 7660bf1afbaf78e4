// docs/embedding.md stays true: its links point to files that exist, and every element subpath it tells readers to
// import is exported by its package.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const guidePath = join(repo, 'docs/embedding.md');
const guide = readFileSync(guidePath, 'utf8');

describe('docs/embedding.md', () => {
  it('links only to files and folders that exist', () => {
    const links = [...guide.matchAll(/\]\((\.\.?\/[^)#\s]+)\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(5);
    expect(links.filter((link) => !existsSync(join(dirname(guidePath), link)))).toEqual([]);
  });

  it('names import paths that the packages export', () => {
    const specifiers = [...new Set([...guide.matchAll(/'(@egov-vn\/[a-z-]+)(\/[a-z-]+)?'/g)].map((m) => m[0].slice(1, -1)))];
    expect(specifiers).toEqual(expect.arrayContaining(['@egov-vn/report-elements/edoc-stats', '@egov-vn/calendar-elements/month-calendar']));
    const missing = specifiers.filter((specifier) => {
      const [, name, sub] = /^@egov-vn\/([a-z-]+)(\/[a-z-]+)?$/.exec(specifier)!;
      const manifest = join(repo, 'packages', name!, 'package.json');
      if (!existsSync(manifest)) return true;
      const exports = (JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, unknown> }).exports;
      return !((sub ? `.${sub}` : '.') in exports);
    });
    expect(missing).toEqual([]);
  });

  it('shows the same Content Security Policy that the example pages are tested under', () => {
    const page = readFileSync(fileURLToPath(new URL('../plain/index.html', import.meta.url)), 'utf8');
    const policy = /content="(default-src[^"]+)"/.exec(page)![1]!;
    expect(guide.replace(/\s+/g, ' ')).toContain(policy);
  });
});
