/**
 * Benchmark: sign and verify a 10 MB and a 50 MB PDF. Ratios against WebCrypto SHA-256 of the same bytes, measured
 * in the same run (targets: sign ≤ 1.5×, verify ≤ 1.2×, extra memory ≤ 2× the file). pdfsig's verify time for comparison.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { signPdf, verifyPdf } from '../src/index.js';
import { createDemoPki } from '../src/testing.js';

async function makeBigPdf(targetBytes: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  const chunk = 512 * 1024;
  const pages = Math.ceil(targetBytes / chunk);
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage([595.28, 841.89]);
    page.drawText(`Trang ${i + 1}`, { x: 72, y: 760, size: 13, font });
    const data = new Uint8Array(chunk);
    for (let off = 0; off < chunk; off += 65536) crypto.getRandomValues(data.subarray(off, off + 65536));
    const side = Math.floor(Math.sqrt(chunk));
    const img = doc.context.stream(data.subarray(0, side * side), { Type: 'XObject', Subtype: 'Image', Width: side, Height: side, ColorSpace: 'DeviceGray', BitsPerComponent: 8 });
    page.node.setXObject(PDFName.of('Im0'), doc.context.register(img));
  }
  return doc.save({ useObjectStreams: false });
}

async function time<T>(fn: () => Promise<T>, runs = 3): Promise<{ ms: number; value: T }> {
  const times: number[] = [];
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    value = await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(runs / 2)]!, value };
}

async function peakExtra<T>(fn: () => Promise<T>): Promise<number> {
  // ArrayBuffer memory is released by a concurrent sweeper after a collection: collect, let it finish, and collect
  // again, so no earlier garbage is freed during the measurement (that would hide what the operation allocates).
  for (let i = 0; i < 3; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const base = process.memoryUsage();
  let peak = 0;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peak = Math.max(peak, m.arrayBuffers - base.arrayBuffers + (m.heapUsed - base.heapUsed));
  }, 1);
  const kept = await fn();
  const m = process.memoryUsage();
  if (kept === undefined) peak = 0;
  peak = Math.max(peak, m.arrayBuffers - base.arrayBuffers + (m.heapUsed - base.heapUsed));
  clearInterval(timer);
  return peak;
}

const pki = await createDemoPki();
const signer = pki.signerFor(pki.signer);
const dir = mkdtempSync(join(tmpdir(), 'pdfsig-bench-'));
const mb = (n: number): string => `${(n / 1048576).toFixed(1)} MB`;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

for (const size of [10, 50]) {
  const pdf = await makeBigPdf(size * 1024 * 1024);
  let signed = await signPdf(pdf, { signer });
  // Interleave baseline and operations, and take the median of per-run ratios: the machine is shared.
  const hashMs: number[] = [];
  const signRatio: number[] = [];
  const verifyRatio: number[] = [];
  const signMs: number[] = [];
  const verifyMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const h = await time(() => crypto.subtle.digest('SHA-256', pdf as Uint8Array<ArrayBuffer>), 1);
    const s = await time(() => signPdf(pdf, { signer }), 1);
    signed = s.value;
    const h2 = await time(() => crypto.subtle.digest('SHA-256', signed as Uint8Array<ArrayBuffer>), 1);
    const v = await time(() => verifyPdf(signed, { trustAnchors: [pki.root.der] }), 1);
    if (v.value.signatures[0]?.indication !== 'TOTAL_PASSED') throw new Error('benchmark signature did not verify');
    hashMs.push(h.ms);
    signMs.push(s.ms);
    verifyMs.push(v.ms);
    signRatio.push(s.ms / h.ms);
    verifyRatio.push(v.ms / h2.ms);
  }
  const signMem = await peakExtra(() => signPdf(pdf, { signer }));
  const verifyMem = await peakExtra(() => verifyPdf(signed, { trustAnchors: [pki.root.der] }));
  const path = join(dir, `bench-${size}.pdf`);
  writeFileSync(path, signed);
  const peerMs: number[] = [];
  let peerOut = '';
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    peerOut = spawnSync('pdfsig', ['-nocert', path], { encoding: 'utf8' }).stdout;
    peerMs.push(performance.now() - t0);
  }
  console.log(`\n${mb(pdf.length)} PDF, ${RUNS} interleaved runs (medians)`);
  console.log(`  WebCrypto SHA-256 of the file: ${median(hashMs).toFixed(1)} ms (baseline)`);
  console.log(`  signPdf:   ${median(signMs).toFixed(1)} ms, ratio ${median(signRatio).toFixed(2)}× SHA-256 (target ≤ 1.5×)`);
  console.log(`  verifyPdf: ${median(verifyMs).toFixed(1)} ms, ratio ${median(verifyRatio).toFixed(2)}× SHA-256 (target ≤ 1.2×)`);
  console.log(`  peak extra memory: sign ${mb(signMem)} = ${(signMem / pdf.length).toFixed(2)}× file (output included), verify ${mb(verifyMem)} = ${(verifyMem / pdf.length).toFixed(2)}× file (target ≤ 2×)`);
  console.log(`  pdfsig -nocert (whole process, for comparison): ${median(peerMs).toFixed(1)} ms = ${(median(peerMs) / median(hashMs)).toFixed(2)}× SHA-256 — ${/Signature is Valid/.test(peerOut) ? 'valid' : 'NOT valid'}`);
}
