// Round trip against the axis's own edXML library (EdXML102, ../shared/peers/edxml102): for every axis fixture,
// buildEdxml(parseEdxml(original)) must keep everything the official library reads. A small Java harness
// (peers/EdxmlRead.java) is compiled with javac into a temp dir and run once over all files; it prints what the
// library extracts as JSON (every getter of its model, attachments as size + SHA-256).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEdxml, parseEdxml } from './index.js';

const pkgDir = fileURLToPath(new URL('..', import.meta.url));
const peers = join(pkgDir, '..', '..', '..', 'shared', 'peers', 'edxml102');
const fixturesDir = join(pkgDir, 'fixtures', 'axis');
const expected = JSON.parse(readFileSync(join(fixturesDir, 'expected.json'), 'utf8')) as Record<string, { javaReadsOriginal: boolean }>;

interface JavaRead {
  file: string;
  value?: unknown;
  error?: string;
}

function requireTool(name: string): void {
  const r = spawnSync(name, ['-version'], { encoding: 'utf8' });
  if (r.error) throw new Error(`${name} not found: apt-get install openjdk-17-jdk-headless`);
}

let work = '';
const reads = new Map<string, JavaRead>();

beforeAll(async () => {
  requireTool('javac');
  requireTool('java');
  if (!existsSync(peers)) throw new Error(`The EdXML102 jars are missing: expected them in ${peers} (shared/peers beside the repository)`);
  work = mkdtempSync(join(tmpdir(), 'edxml-java-'));
  const cp = readdirSync(peers)
    .filter((f) => f.endsWith('.jar'))
    .map((f) => join(peers, f))
    .join(delimiter);
  execFileSync('javac', ['-d', join(work, 'classes'), '-cp', cp, join(pkgDir, 'peers', 'EdxmlRead.java')], { stdio: 'pipe' });
  const files: string[] = [];
  for (const file of Object.keys(expected)) {
    const original = readFileSync(join(fixturesDir, file));
    const parsed = await parseEdxml(original);
    if (!parsed.ok) throw new Error(`${file}: ${parsed.errors.map((e) => e.code).join(', ')}`);
    writeFileSync(join(work, `rebuilt-${file}`), buildEdxml(parsed.value));
    // What the library reads of an original it refuses: the same bytes from the first '<' (the prolog junk cut).
    writeFileSync(join(work, `baseline-${file}`), original.subarray(original.indexOf(0x3c)));
    files.push(join(fixturesDir, file), join(work, `rebuilt-${file}`), join(work, `baseline-${file}`));
  }
  const out = execFileSync('java', ['-Duser.timezone=Asia/Ho_Chi_Minh', '-cp', `${join(work, 'classes')}${delimiter}${cp}`, 'EdxmlRead', ...files], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 << 20,
  });
  for (const line of out.split('\n')) {
    if (line.trim() === '') continue;
    const r = JSON.parse(line) as JavaRead;
    reads.set(r.file, r);
  }
}, 60_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('round trip through the official EdXML102 library', () => {
  it.each(Object.entries(expected))('%s: our rebuilt package reads as the original does', (file, e) => {
    const rebuilt = reads.get(`rebuilt-${file}`);
    expect(rebuilt?.error).toBeUndefined();
    expect(rebuilt?.value).toBeDefined();
    const original = reads.get(file);
    // When the library refuses the original (bytes before the prolog), we read it anyway; the rebuilt package must
    // then read as the original does with the junk cut off.
    expect(original?.error === undefined).toBe(e.javaReadsOriginal);
    const reference = e.javaReadsOriginal ? original : reads.get(`baseline-${file}`);
    expect(reference?.error).toBeUndefined();
    expect(rebuilt?.value).toEqual(reference?.value);
  });

  it('the harness really sees the values (sender, attachment digest, placeholder text)', () => {
    const v = reads.get('captured-gateway-2025.edxml')?.value as {
      getHeader: { getMessageHeader: { getFrom: { getOrganId: string }; getDocumentId: string } };
      getAttachments: Array<{ getContent: { size: number; sha256: string } }>;
    };
    expect(v.getHeader.getMessageHeader.getFrom.getOrganId).toBe('vxp.saas.03');
    expect(v.getHeader.getMessageHeader.getDocumentId).toBe('5e515fca-3627-4f2e-b517-7169acdc8bda');
    expect(v.getAttachments[0]?.getContent.sha256).toMatch(/^[0-9a-f]{64}$/);
    const p = reads.get('placeholder-attachment.edxml')?.value as { getAttachments: Array<{ getContentTransferEncoded: string }> };
    expect(p.getAttachments[0]?.getContentTransferEncoded).toBe('${__StringFromFile(/opt/jmeter/data/edoc_base64.txt,,,)}');
  });
});
