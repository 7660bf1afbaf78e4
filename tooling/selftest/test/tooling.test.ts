// The shared tooling must fail when it should. A small package in the shape of `pnpm new:package` (fixture/) is
// copied into .tmp/ inside this workspace, so it resolves the shared configs exactly as a real package does; then
// each real tool runs on it, first green, then with one deliberate fault each. Every run is bounded in time.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const here = join(import.meta.dirname, '..');
const root = join(here, '..', '..');
const fixture = join(here, 'fixture');
const tmp = join(here, '.tmp', `run-${process.pid}`);
const bins = [join(here, 'node_modules', '.bin'), join(root, 'node_modules', '.bin')];

interface Run {
  status: number | null;
  output: string;
}

/** The environment of a tool run: our binaries first, no colours, nothing inherited from this Vitest run. */
function toolEnv(): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(
    ([key]) => !key.startsWith('VITEST') && !key.startsWith('TINYPOOL') && key !== 'NODE_ENV',
  );
  return {
    ...Object.fromEntries(inherited),
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    CI: 'true',
    PATH: [...bins, process.env['PATH'] ?? ''].join(delimiter),
  };
}

function run(dir: string, command: string, args: string[] = [], timeout = 100_000): Run {
  const result = spawnSync(command, args, { cwd: dir, env: toolEnv(), encoding: 'utf8', timeout });
  const output = `${result.stdout}${result.stderr}`;
  if (result.error) return { status: null, output: `${output}\n${result.error.message}` };
  return { status: result.status, output };
}

/** Assert how a tool run ended; on a surprise, the error carries the tool's whole output. */
function expectExit(result: Run, expected: 'success' | 'failure'): void {
  const succeeded = result.status === 0;
  if (succeeded !== (expected === 'success')) {
    throw new Error(`expected ${expected}, got exit status ${String(result.status)}:\n${result.output}`);
  }
}

const tools = {
  lint: (dir: string) => run(dir, 'eslint', ['.', '--max-warnings', '0']),
  types: (dir: string) => run(dir, 'tsc', ['--noEmit']),
  test: (dir: string, ...args: string[]) => run(dir, 'vitest', ['run', ...args]),
  build: (dir: string) => run(dir, 'tsdown'),
  publint: (dir: string) => run(dir, 'publint', ['--strict']),
  size: (dir: string) => run(dir, 'size-limit'),
};

let base = '';

/** A fresh copy of the built fixture, for one case. */
function copy(name: string): string {
  const dir = join(tmp, name);
  cpSync(base, dir, { recursive: true, filter: (src) => !src.includes('.test-results') });
  return dir;
}

function editJson(path: string, edit: (json: Record<string, unknown>) => void): void {
  const json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  edit(json);
  writeFileSync(path, JSON.stringify(json, null, 2));
}

beforeAll(() => {
  rmSync(tmp, { recursive: true, force: true });
  base = join(tmp, 'base');
  cpSync(fixture, base, { recursive: true });
  expectExit(tools.build(base), 'success');
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('the untouched fixture passes every check', () => {
  it('eslint', () => {
    expectExit(tools.lint(base), 'success');
  });

  it('tsc', () => {
    expectExit(tools.types(base), 'success');
  });

  it('vitest, in Node and in Chromium', () => {
    const result = tools.test(base);
    expectExit(result, 'success');
    expect(result.output).toMatch(/browser \(chromium\)/);
    expect(result.output).toMatch(/Tests\s+2 passed \(2\)/);
  });

  it('publint --strict', () => {
    expectExit(tools.publint(base), 'success');
  });

  it('size-limit', () => {
    expectExit(tools.size(base), 'success');
  });
});

describe('each deliberate fault fails its task', () => {
  it('lint errors (an explicit any, a focused test) fail eslint', () => {
    const dir = copy('lint');
    appendFileSync(join(dir, 'src/index.ts'), '\nexport const loose: any = 1;\n');
    const file = join(dir, 'src/index.test.ts');
    // The focused test is injected into the fixture on purpose (spelled in two parts so repository scans for
    // focused tests do not mistake this line for one).
    const focused = ['it', 'only'].join('.');
    writeFileSync(file, readFileSync(file, 'utf8').replace("it('adds", `${focused}('adds`));
    const result = tools.lint(dir);
    expectExit(result, 'failure');
    expect(result.output).toContain('@typescript-eslint/no-explicit-any');
    expect(result.output).toContain('vitest/no-focused-tests');
  });

  it('a type error fails tsc', () => {
    const dir = copy('types');
    appendFileSync(join(dir, 'src/index.ts'), "\nexport const wrong: number = 'text';\n");
    const result = tools.types(dir);
    expectExit(result, 'failure');
    expect(result.output).toContain('error TS2322');
  });

  it('a failing browser test fails vitest', () => {
    const dir = copy('browser');
    const file = join(dir, 'src/index.browser.test.ts');
    writeFileSync(file, readFileSync(file, 'utf8').replace('toBe(4)', 'toBe(5)'));
    const result = tools.test(dir, '--project', 'browser');
    expectExit(result, 'failure');
    expect(result.output).toMatch(/FAIL\s+\|?browser \(chromium\)\|?\s+src\/index\.browser\.test\.ts/);
    expect(result.output).toMatch(/Tests\s+1 failed \(1\)/);
  });

  it('a publint error fails publint --strict', () => {
    const dir = copy('publint');
    editJson(join(dir, 'package.json'), (pkg) => {
      // "types" must come first in an export condition object.
      pkg['exports'] = { '.': { default: './dist/index.js', types: './dist/index.d.ts' } };
    });
    const result = tools.publint(dir);
    expectExit(result, 'failure');
    expect(result.output).toMatch(/types/);
  });

  it('a size-budget breach fails size-limit', () => {
    const dir = copy('size');
    editJson(join(dir, 'package.json'), (pkg) => {
      pkg['size-limit'] = [{ name: 'full import', path: 'dist/index.js', import: '*', gzip: true, limit: '10 B' }];
    });
    const result = tools.size(dir);
    expectExit(result, 'failure');
    expect(result.output).toMatch(/limit has exceeded/i);
  });
});
