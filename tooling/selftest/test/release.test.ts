// The release policy (README "Release"): every publishable package is released at one version (a changesets `fixed`
// group), and a published package depends on its siblings with a caret range (`workspace:^`), so an app that installs
// the packages of one release gets one copy of each.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

const publishable = readdirSync(join(root, 'packages'))
  .map((dir) => {
    try {
      return JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8')) as Manifest;
    } catch {
      return undefined;
    }
  })
  .filter((m): m is Manifest => m !== undefined && m.private !== true);

describe('release policy', () => {
  it('puts every publishable package in one changesets fixed group', () => {
    const config = JSON.parse(readFileSync(join(root, '.changeset', 'config.json'), 'utf8')) as { fixed: string[][] };
    expect(config.fixed).toEqual([['@egov-vn/*']]);
    expect(publishable.length).toBeGreaterThan(5);
    for (const m of publishable) expect(m.name).toMatch(/^@egov-vn\/[a-z][a-z0-9-]*$/);
  });

  it('gives every publishable package the same version', () => {
    expect(new Set(publishable.map((m) => m.version)).size).toBe(1);
  });

  it('has published packages depend on their siblings with workspace:^', () => {
    const wrong = publishable.flatMap((m) =>
      Object.entries({ ...m.dependencies, ...m.peerDependencies })
        .filter(([dep, range]) => dep.startsWith('@egov-vn/') && range !== 'workspace:^')
        .map(([dep, range]) => `${m.name} → ${dep}@${range}`),
    );
    expect(wrong).toEqual([]);
  });
});
