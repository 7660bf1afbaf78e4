/**
 * Benchmark: sign and verify a 10 MB and a 50 MB PDF. Ratios against WebCrypto SHA-256 of the same bytes, measured
 * in the same run (targets: sign ≤ 1.5×, verify ≤ 1.2×, extra memory ≤ 2× the file). pdfsig's verify time for comparison.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from '@egov-vn/vitest-config/bench';
import { PDFDocument, PDFName, StandardFonts } from '@cantoo/pdf-lib';
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

/** Collects garbage (needs --expose-gc, which `pnpm bench` passes); `sweep` also lets the array-buffer sweeper finish. */
async function settle(sweep = false): Promise<void> {
  for (let i = 0; i < (sweep ? 2 : 1); i++) {
    (globalThis as { gc?: () => void }).gc?.();
    if (sweep) await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Times `fn` once. `fromCollectedHeap`: the run starts from a collected heap with the array-buffer sweeper done;
 * otherwise whichever operation happens to allocate when V8 decides to collect the previous runs' large buffers pays
 * for that collection (the baseline's copy is made by OpenSSL outside V8's accounting and never triggers one), while
 * a collected heap leaves every run's caches cold. Both conditions are printed.
 */
async function time<T>(fn: () => Promise<T>, fromCollectedHeap: boolean): Promise<{ ms: number; value: T }> {
  if (fromCollectedHeap) await settle(true);
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

async function peakExtra<T>(fn: () => Promise<T>): Promise<number> {
  // ArrayBuffer memory is released by a concurrent sweeper after a collection: collect, let it finish, and collect
  // again, so no earlier garbage is freed during the measurement (that would hide what the operation allocates).
  await settle(true);
  await settle(true);
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

const RUNS = Number(process.env.BENCH_RUNS ?? 15);

interface Condition {
  signRatio: number;
  verifyRatio: number;
  signedHashMs: number;
  hashMs: number;
  signMs: number;
  verifyMs: number;
}

/** RUNS interleaved runs of baseline, sign, baseline of the signed file, verify; medians of the per-run ratios. */
async function measure(pdf: Uint8Array, fromCollectedHeap: boolean): Promise<Condition & { signed: Uint8Array }> {
  const r = { hash: [] as number[], hash2: [] as number[], sign: [] as number[], verify: [] as number[], signRatio: [] as number[], verifyRatio: [] as number[] };
  let signed = pdf;
  for (let i = 0; i < RUNS; i++) {
    const h = await time(() => crypto.subtle.digest('SHA-256', pdf as Uint8Array<ArrayBuffer>), fromCollectedHeap);
    const s = await time(() => signPdf(pdf, { signer }), fromCollectedHeap);
    signed = s.value;
    const h2 = await time(() => crypto.subtle.digest('SHA-256', signed as Uint8Array<ArrayBuffer>), fromCollectedHeap);
    const v = await time(() => verifyPdf(signed, { trustAnchors: [pki.root.der] }), fromCollectedHeap);
    if (v.value.signatures[0]?.indication !== 'TOTAL_PASSED') throw new Error('benchmark signature did not verify');
    r.hash.push(h.ms);
    r.hash2.push(h2.ms);
    r.sign.push(s.ms);
    r.verify.push(v.ms);
    r.signRatio.push(s.ms / h.ms);
    r.verifyRatio.push(v.ms / h2.ms);
  }
  return {
    signed,
    hashMs: median(r.hash),
    signedHashMs: median(r.hash2),
    signMs: median(r.sign),
    verifyMs: median(r.verify),
    signRatio: median(r.signRatio),
    verifyRatio: median(r.verifyRatio),
  };
}

for (const size of [10, 50]) {
  const pdf = await makeBigPdf(size * 1024 * 1024);
  await signPdf(pdf, { signer });
  const warm = await measure(pdf, false);
  const collected = await measure(pdf, true);
  const signed = collected.signed;
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
  console.log(`\n${mb(pdf.length)} PDF, ${RUNS} interleaved runs per condition (medians of the per-run ratios)`);
  for (const [label, c] of [['back to back', warm], ['each run from a collected heap', collected]] as const) {
    console.log(`  ${label}: WebCrypto SHA-256 of the file ${c.hashMs.toFixed(1)} ms (baseline)`);
    console.log(`    signPdf:   ${c.signMs.toFixed(1)} ms, ratio ${c.signRatio.toFixed(2)}× SHA-256 (median of the runs' ratios; ratio of the medians ${(c.signMs / c.hashMs).toFixed(2)}×; target ≤ 1.5×)`);
    console.log(`    verifyPdf: ${c.verifyMs.toFixed(1)} ms, ratio ${c.verifyRatio.toFixed(2)}× SHA-256 (median of the runs' ratios; ratio of the medians ${(c.verifyMs / c.signedHashMs).toFixed(2)}×; target ≤ 1.2×)`);
  }
  console.log(`  peak extra memory: sign ${mb(signMem)} = ${(signMem / pdf.length).toFixed(2)}× file (output included), verify ${mb(verifyMem)} = ${(verifyMem / pdf.length).toFixed(2)}× file (target ≤ 2×)`);
  console.log(`  pdfsig -nocert (whole process, for comparison): ${median(peerMs).toFixed(1)} ms = ${(median(peerMs) / warm.hashMs).toFixed(2)}× SHA-256 — ${/Signature is Valid/.test(peerOut) ? 'valid' : 'NOT valid'}`);
}
