// Every TypeScript example in the READMEs and docs type-checks as a user would write it: against the packages' built
// types (the `exports` map, as npm installs them — not our sources), resolved from the workspace the README belongs
// to. One tsc run checks them all; an error is reported as README path and line.
//
// Fences: ```ts, ```tsx and ```typescript are checked. `ts file=<name>` names the file so a later fence of the same
// README can import it (multi-file examples); `workspace=apps/portal` resolves an example as that workspace would
// (e.g. a server README's snippet for the portal). `ts no-check <reason>` is left out and must give its reason. The
// packages' own doc-tests (schemas, exchange-client) also *run* their `ts run` fences.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');

interface Fence {
  readme: string;
  /** 1-based line of the fence's first code line in the README. */
  line: number;
  info: string;
  code: string;
}

export function readmeFences(readme: string, markdown: string): Fence[] {
  const fences: Fence[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const open = /^```(\S.*)?$/u.exec(lines[i]!);
    if (!open) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && lines[end] !== '```') end += 1;
    fences.push({ readme, line: start + 1, info: (open[1] ?? '').trim(), code: lines.slice(start, end).join('\n') });
    i = end;
  }
  return fences;
}

const isTypeScript = (info: string): boolean => /^(ts|tsx|typescript)\b/u.test(info);

/**
 * Where an example resolves its imports: `workspace=<dir>` in its info string, else the README's own workspace; docs
 * and the root README use the embedding examples app.
 */
function workspaceOf(readme: string, info: string): string {
  const named = /\bworkspace=(\S+)/u.exec(info)?.[1];
  if (named) return join(root, named);
  const dir = join(readme, '..');
  return existsSync(join(dir, 'package.json')) && dir !== root ? dir : join(root, 'apps', 'embed-examples');
}

const readmes = [
  join(root, 'README.md'),
  ...['packages', 'apps'].flatMap((group) =>
    readdirSync(join(root, group))
      .map((name) => join(root, group, name, 'README.md'))
      .filter((path) => existsSync(path)),
  ),
  ...readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(root, 'docs', name)),
];

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('README and docs examples', () => {
  const fences = readmes.flatMap((readme) => readmeFences(relative(root, readme), readFileSync(readme, 'utf8'))).filter((f) => isTypeScript(f.info));

  it('finds the fences of a README, with the line each starts on', () => {
    const found = readmeFences('x.md', 'text\n```ts file=a.ts\nconst a = 1;\n```\n\n```sh\nls\n```\n```ts\nb\n```');
    expect(found.map((f) => [f.line, f.info, f.code])).toEqual([
      [3, 'ts file=a.ts', 'const a = 1;'],
      [7, 'sh', 'ls'],
      [10, 'ts', 'b'],
    ]);
  });

  it('every example left unchecked says why', () => {
    const unchecked = fences.filter((f) => /\bno-check\b/u.test(f.info));
    expect(unchecked.filter((f) => !/no-check\s+\S/u.test(f.info)).map((f) => `${f.readme}:${f.line}`)).toEqual([]);
    expect(fences.length - unchecked.length).toBeGreaterThan(25);
  });

  it('every TypeScript example type-checks against the built packages', { timeout: 300_000 }, () => {
    const checked = fences.filter((f) => !/\bno-check\b/u.test(f.info));
    const files = new Map<string, Fence>();
    const dirs = new Map<string, string>();
    checked.forEach((fence, index) => {
      const workspace = workspaceOf(join(root, fence.readme), fence.info);
      const key = `${fence.readme} ${workspace}`;
      let dir = dirs.get(key);
      if (!dir) {
        dir = mkdtempSync(join(workspace, '.readme-check-'));
        made.push(dir);
        dirs.set(key, dir);
      }
      const named = /\bfile=(\S+)/u.exec(fence.info)?.[1];
      const ext = /^tsx\b/u.test(fence.info) || /\.tsx$/u.test(named ?? '') ? '.tsx' : '.ts';
      const name = named ?? `example-${index}${ext}`;
      const path = join(dir, name);
      // Each example is a module of its own (top-level await, no clash between examples' names).
      writeFileSync(path, `${fence.code}\nexport {};\n`);
      files.set(path, fence);
    });
    const tmp = mkdtempSync(join(import.meta.dirname, '..', '.readme-tsconfig-'));
    made.push(tmp);
    const tsconfig = join(tmp, 'tsconfig.json');
    writeFileSync(
      tsconfig,
      JSON.stringify({
        extends: join(root, 'tooling', 'tsconfig', 'node.json'),
        compilerOptions: {
          // As a user's project resolves us: the published `types` of each export, not the workspace sources.
          customConditions: [],
          lib: ['ES2023', 'DOM', 'DOM.Iterable'],
          types: ['node'],
          typeRoots: [join(import.meta.dirname, '..', 'node_modules', '@types')],
          jsx: 'react-jsx',
          noEmit: true,
          declaration: false,
          declarationMap: false,
          sourceMap: false,
          noUnusedLocals: false,
          allowImportingTsExtensions: true,
        },
        files: [...files.keys()],
      }),
    );
    const run = spawnSync(process.execPath, [tsc, '-p', tsconfig, '--pretty', 'false'], { encoding: 'utf8', timeout: 280_000 });
    const errors = `${run.stdout}${run.stderr}`
      .split('\n')
      .filter((line) => /error TS\d+/u.test(line))
      .map((line) => {
        const at = /^(.*?)\((\d+),(\d+)\): (error TS\d+: .*)$/u.exec(line);
        if (!at) return line;
        const fence = files.get(resolve(at[1]!));
        return fence ? `${fence.readme}:${fence.line + Number(at[2]) - 1}: ${at[4]}` : line;
      });
    expect(errors).toEqual([]);
    expect(run.status).toBe(0);
  });
});
