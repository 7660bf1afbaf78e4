// The layering rule of docs/architecture.md (tooling/eslint-config/layers.js, rule egov/layering) fails the real
// eslint run (the shared preset every package uses) on a wrong-way import: the fixture package is copied into .tmp/
// and named as a core package. Downward imports pass: every package's own lint in `pnpm test` runs the same rule.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layerOf, layers, mayImport } from '../../eslint-config/layers.js';

const here = join(import.meta.dirname, '..');
const root = join(here, '..', '..');
const tmp = join(here, '.tmp', `layering-${process.pid}`);

function eslint(dir: string) {
  const result = spawnSync('eslint', ['src/index.ts', '--max-warnings', '0'], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 100_000,
    env: { ...process.env, NO_COLOR: '1', PATH: [join(root, 'node_modules', '.bin'), process.env['PATH'] ?? ''].join(delimiter) },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function fixtureAs(name: string, importLine: string): string {
  const dir = join(tmp, name.replace('@egov-vn/', ''));
  cpSync(join(here, 'fixture'), dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ ...manifest, name }, null, 2));
  appendFileSync(join(dir, 'src', 'index.ts'), `\n${importLine}\n`);
  return dir;
}

beforeAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('the layering rule', () => {
  it('fails eslint when a core imports a client (a wrong-way import)', () => {
    const result = eslint(fixtureAs('@egov-vn/edxml', "export * from '@egov-vn/exchange-client';"));
    expect(result.status).toBe(1);
    expect(result.output).toContain('egov/layering');
    expect(result.output).toContain(
      '@egov-vn/edxml (layer 1, cores) may not import @egov-vn/exchange-client (layer 3, clients, tools and servers)',
    );
  });

  it('places every package of the workspace in a layer and keeps elements above clients', () => {
    for (const name of Object.keys(layers)) expect(layerOf(name)).toBeTypeOf('number');
    expect(layerOf('@egov-vn/signature-elements')).toBe(5);
    expect(mayImport('@egov-vn/signature-elements', '@egov-vn/pdf-signature')).toEqual({ ok: true });
    expect(mayImport('@egov-vn/exchange-client', '@egov-vn/edxml')).toEqual({ ok: true });
    expect(mayImport('@egov-vn/schemas', '@egov-vn/edxml')).toEqual({ ok: false, fromLayer: 0, toLayer: 1 });
    expect(mayImport('@egov-vn/elements-core', '@egov-vn/calendar-elements')).toEqual({ ok: false, fromLayer: 4, toLayer: 5 });
    expect(mayImport('@egov-vn/exchange-api', '@egov-vn/office-api')).toEqual({ ok: false, fromLayer: 2, toLayer: 2 });
  });
});
