// pnpm bench: ratios against the baselines named in the issue, measured in the same run.
//  1. validating 10 000 realistic document records ÷ JSON.parse of the same records   (target ≤ 2×)
//  2. toUnicode(bytes, 'cp1258') ÷ new TextDecoder('windows-1258') + NFC on the same 10 MB (target ≤ 1.5×)
import { AdministrativeDocumentSchema, fromUnicode, toUnicode, validate } from '../src/index.js';
import { chiThi, congVan } from '../src/document/fixtures.testutil.js';
import { SAMPLE_SENTENCE } from '../src/text/letters.testutil.js';

// The fastest of several rounds: the least disturbed by other work on the machine (both sides measured alike).
function best(xs: number[]): number {
  return Math.min(...xs);
}
function time(fn: () => void, rounds: number): number {
  fn(); // warm up
  fn();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return best(samples);
}
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
const verdict = (ratio: number, target: number) => (ratio <= target ? `✓ within ${target}×` : `✗ above ${target}×`);

// 1. Document records
const records = Array.from({ length: 10_000 }, (_, i) => {
  const base = i % 2 === 0 ? chiThi : congVan;
  return { ...base, number: (i % 9000) + 1, subject: `${base.subject ?? ''} (${i})`, recipients: [...base.recipients, { name: `Sở số ${i}` }] };
});
const json = JSON.stringify(records);
let sink = 0;
const parseMs = time(() => {
  sink += (JSON.parse(json) as unknown[]).length;
}, 25);
const parsed = JSON.parse(json) as unknown[];
const validateMs = time(() => {
  for (const r of parsed) if (validate(AdministrativeDocumentSchema, r).ok) sink++;
}, 25);
const invalid = parsed.filter((r) => !validate(AdministrativeDocumentSchema, r).ok).length;
if (invalid > 0) throw new Error(`${invalid} benchmark records are invalid`);
const r1 = validateMs / parseMs;
console.log(`\n10 000 document records (${(json.length / 1e6).toFixed(1)} MB of JSON)`);
console.log(`  JSON.parse            ${fmt(parseMs)}`);
console.log(`  validate (zod + rules) ${fmt(validateMs)}`);
console.log(`  ratio validate ÷ JSON.parse = ${r1.toFixed(2)}×  ${verdict(r1, 2)}`);

// 2. Windows-1258 decoding
const chunk = fromUnicode(SAMPLE_SENTENCE + '\n', 'cp1258');
const bytes = new Uint8Array(10 * 1024 * 1024);
for (let off = 0; off < bytes.length; off += chunk.length) bytes.set(chunk.subarray(0, Math.min(chunk.length, bytes.length - off)), off);
const decoder = new TextDecoder('windows-1258');
const nativeMs = time(() => {
  sink += decoder.decode(bytes).normalize('NFC').length;
}, 7);
const oursMs = time(() => {
  sink += toUnicode(bytes, 'cp1258').length;
}, 7);
if (toUnicode(bytes, 'cp1258') !== decoder.decode(bytes).normalize('NFC')) throw new Error('decoders disagree');
const r2 = oursMs / nativeMs;
console.log(`\nWindows-1258, 10 MB`);
console.log(`  TextDecoder + NFC     ${fmt(nativeMs)}`);
console.log(`  toUnicode('cp1258')   ${fmt(oursMs)}`);
console.log(`  ratio toUnicode ÷ TextDecoder+NFC = ${r2.toFixed(2)}×  ${verdict(r2, 1.5)}`);
console.log(`\n(sink ${sink})`);
