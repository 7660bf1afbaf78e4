import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from './main.js';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

describe('egov-vn --version', () => {
  it('prints the version of package.json', async () => {
    let out = '';
    const io = { stdout: { write: (s: string) => void (out += s) }, stderr: { write: () => undefined, isTTY: false }, cwd: '.' };
    expect(await run(['--version'], io)).toBe(0);
    expect(out).toBe(`${manifest.version}\n`);
  });
});
