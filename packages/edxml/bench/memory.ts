// Child process (run with --expose-gc): parses a package with one large attachment from a file and reports peak memory
// relative to the attachment size. Usage: memory.ts <file> <attachmentBytes> <stream|bytes>
import { createReadStream, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { parseEdxml } from '../src/index.js';

const [file, sizeArg, mode] = process.argv.slice(2) as [string, string, 'stream' | 'bytes'];
const size = Number(sizeArg);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
gc();
const base = process.memoryUsage();
let peakRss = base.rss;
let peakHeap = base.heapUsed + base.arrayBuffers;
const sample = (): void => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed + m.arrayBuffers);
};
const timer = setInterval(sample, 5);
const started = performance.now();
const input = mode === 'stream' ? (Readable.toWeb(createReadStream(file)) as unknown as ReadableStream<Uint8Array>) : readFileSync(file);
const r = await parseEdxml(input);
sample();
if (!r.ok || r.value.kind !== 'document') throw new Error(`parse failed: ${JSON.stringify(r.ok ? 'status' : r.errors)}`);
const parseMs = performance.now() - started;
// read the attachment lazily, as a stream, and check its size
let read = 0;
const reader = r.value.attachments[0]!.stream().getReader();
for (;;) {
  const c = await reader.read();
  if (c.done) break;
  read += c.value.length;
  sample();
}
clearInterval(timer);
sample();
// VmHWM is this process's own RSS high-water mark (getrusage's maxRSS would carry the parent's over exec).
try {
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  if (hwm) peakRss = Math.max(peakRss, Number(hwm) * 1024);
} catch {
  // not Linux: the sampled peak stays
}
process.stdout.write(
  JSON.stringify({
    mode,
    size,
    read,
    parseMs,
    baseRss: base.rss,
    peakRss,
    peakHeap,
    baseHeap: base.heapUsed + base.arrayBuffers,
  }),
);
