// docs/cdn.md stays true: its links point to files that exist, and the policy it shows is the one the CDN recipes run
// under (test/cdn.test.ts).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const guidePath = fileURLToPath(new URL('../../../docs/cdn.md', import.meta.url));
const guide = readFileSync(guidePath, 'utf8');

describe('docs/cdn.md', () => {
  it('links only to files and folders that exist', () => {
    const links = [...guide.matchAll(/\]\((\.\.?\/[^)#\s]+|[a-z-]+\.md)\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(4);
    expect(links.filter((link) => !existsSync(join(dirname(guidePath), link)))).toEqual([]);
  });

  it('shows the Content Security Policy the recipes are tested under', () => {
    const test = readFileSync(fileURLToPath(new URL('./cdn.test.ts', import.meta.url)), 'utf8');
    const shown = /```\n(default-src[\s\S]+?)\n```/.exec(guide)![1]!.replace(/\s+/g, ' ');
    const tested = [...test.matchAll(/`([^`]*)`/g)].map((m) => m[1]!).filter((s) => /src|require-trusted/.test(s)).join('').replace(/\s+/g, ' ');
    expect(tested.replace('${hashes.join(\' \')}', "'sha256-<hash of the import map>'")).toBe(shown);
  });
});
