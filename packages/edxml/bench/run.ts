// `pnpm bench`: parse+validate time of 1 MB and 50 MB packages against fast-xml-parser's raw parse of the same bytes,
// and peak memory for a 200 MB attachment (in a child process with --expose-gc).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { medianTime } from '@egov-vn/vitest-config/bench';
import { XMLParser } from 'fast-xml-parser';
import { checkEdxml } from '../src/index.js';
import { packageOfSize, writeLargePackage } from './make.js';

const MB = 1024 * 1024;

console.log('@egov-vn/edxml benchmark (median of runs; ratio = ours / fast-xml-parser raw parse, target ≤ 1.3×)\n');
// Two fast-xml-parser set-ups; the faster one is the baseline (entity and value processing off = its rawest parse).
const fxpDefault = new XMLParser({ ignoreAttributes: false });
const fxpRaw = new XMLParser({ ignoreAttributes: false, processEntities: false, parseTagValue: false, trimValues: false });
for (const [label, size, runs] of [['1 MB', 1 * MB, 40], ['50 MB', 50 * MB, 7]] as const) {
  const bytes = packageOfSize(size);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const check = await checkEdxml(bytes);
  if (!check.ok) throw new Error(`benchmark package is not conformant: ${JSON.stringify(check.issues)}`);
  const warmup = Math.min(3, runs);
  const baselineDefault = await medianTime(() => fxpDefault.parse(buffer), runs, warmup);
  const baselineRaw = await medianTime(() => fxpRaw.parse(buffer), runs, warmup);
  const baseline = Math.min(baselineDefault, baselineRaw);
  const ours = await medianTime(() => checkEdxml(bytes), runs, warmup);
  const decoded = await medianTime(async () => {
    const r = await checkEdxml(bytes);
    if (r.package?.kind === 'document') for (const a of r.package.attachments) a.bytes();
  }, runs, warmup);
  console.log(
    `${label.padEnd(6)} (${(bytes.length / MB).toFixed(1)} MB): fast-xml-parser ${baseline.toFixed(1)} ms ` +
      `(default ${baselineDefault.toFixed(1)} ms, raw ${baselineRaw.toFixed(1)} ms), ` +
      `parseEdxml+check ${ours.toFixed(1)} ms → ratio ${(ours / baseline).toFixed(2)}×; ` +
      `with every attachment decoded ${decoded.toFixed(1)} ms → ${(decoded / baseline).toFixed(2)}×`,
  );
}

const dir = mkdtempSync(join(tmpdir(), 'edxml-bench-'));
try {
  const size = 200 * MB;
  const file = join(dir, 'large.edxml');
  await writeLargePackage(file, size);
  console.log(`\n200 MB attachment (${(statSync(file).size / MB).toFixed(0)} MB package file), peak memory target < 2× the attachment:`);
  for (const mode of ['stream', 'bytes'] as const) {
    const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(import.meta.dirname, 'memory.ts'), file, String(size), mode], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    const m = JSON.parse(out) as { read: number; parseMs: number; baseRss: number; peakRss: number; peakHeap: number; baseHeap: number };
    if (m.read !== size) throw new Error(`attachment read back ${m.read} bytes, expected ${size}`);
    const input = mode === 'stream' ? 'ReadableStream from the file' : 'whole file as one Uint8Array';
    console.log(
      `  ${mode.padEnd(6)} (${input}): parse ${(m.parseMs / 1000).toFixed(2)} s; ` +
        `peak RSS ${(m.peakRss / MB).toFixed(0)} MB = ${(m.peakRss / size).toFixed(2)}× (above start ${((m.peakRss - m.baseRss) / size).toFixed(2)}×); ` +
        `peak heap+buffers ${(m.peakHeap / MB).toFixed(0)} MB = ${(m.peakHeap / size).toFixed(2)}×`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
