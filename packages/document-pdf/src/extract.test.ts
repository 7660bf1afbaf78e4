// Property: whatever Vietnamese text goes in, poppler's pdftotext gives the same NFC words back, in order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderDocumentPdf } from './node.js';
import { textRaw, writeTemp } from './node/poppler.testutil.js';
import { congVan } from './templates.testutil.js';

const RUNS = Math.min(Number(process.env['EGOV_FUZZ_RUNS'] ?? 12), 40);

const INITIALS = ['', 'b', 'c', 'ch', 'd', 'đ', 'g', 'gh', 'h', 'k', 'kh', 'l', 'm', 'n', 'ng', 'nh', 'ph', 'qu', 'r', 's', 't', 'th', 'tr', 'v', 'x'];
const VOWELS = ['a', 'á', 'à', 'ả', 'ã', 'ạ', 'ă', 'ắ', 'ằ', 'ẳ', 'ẵ', 'ặ', 'â', 'ấ', 'ầ', 'ẩ', 'ẫ', 'ậ', 'e', 'é', 'è', 'ẻ', 'ẽ', 'ẹ', 'ê', 'ế', 'ề', 'ể', 'ễ', 'ệ', 'i', 'í', 'ì', 'ỉ', 'ĩ', 'ị', 'o', 'ó', 'ò', 'ỏ', 'õ', 'ọ', 'ô', 'ố', 'ồ', 'ổ', 'ỗ', 'ộ', 'ơ', 'ớ', 'ờ', 'ở', 'ỡ', 'ợ', 'u', 'ú', 'ù', 'ủ', 'ũ', 'ụ', 'ư', 'ứ', 'ừ', 'ử', 'ữ', 'ự', 'y', 'ý', 'ỳ', 'ỷ', 'ỹ', 'ỵ'];
const FINALS = ['', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't'];

const syllable = fc
  .tuple(fc.constantFrom(...INITIALS), fc.constantFrom(...VOWELS), fc.constantFrom(...FINALS), fc.boolean())
  .map(([i, v, f, cap]) => {
    const s = i + v + f;
    return cap ? s[0]!.toLocaleUpperCase('vi') + s.slice(1) : s;
  });
const sentence = fc.array(syllable, { minLength: 1, maxLength: 80 }).map((ws) => ws.join(' ') + '.');

describe('text extraction (property, pdftotext)', () => {
  it('returns every paragraph word for word, in NFC, in order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(sentence, { minLength: 1, maxLength: 6 }), async (paragraphs) => {
        const doc = { ...congVan, content: { body: paragraphs.map((text) => ({ kind: 'paragraph' as const, text: text.normalize('NFD') })) } };
        const { pdf } = await renderDocumentPdf(doc, { creationDate: new Date('2026-01-01T00:00:00Z') });
        const raw = textRaw(writeTemp(pdf, 'prop'));
        expect(raw).toBe(raw.normalize('NFC'));
        const flat = raw.replace(/\s+/gu, ' ');
        let from = 0;
        for (const p of paragraphs) {
          const at = flat.indexOf(p, from);
          expect(at).toBeGreaterThanOrEqual(0);
          from = at + p.length;
        }
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});

describe('tables (property, pdftotext)', () => {
  it('gives back every cell, row by row and column by column, whatever the shape', async () => {
    const cell = fc.array(syllable, { minLength: 0, maxLength: 30 }).map((ws) => ws.join(' '));
    const table = fc.integer({ min: 1, max: 6 }).chain((columns) =>
      fc.record({
        header: fc.option(fc.array(cell, { minLength: columns, maxLength: columns }), { nil: undefined }),
        rows: fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { minLength: 1, maxLength: 25 }),
        widths: fc.option(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: columns, maxLength: columns }), { nil: undefined }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(table, async ({ header, rows, widths }) => {
        const block = { kind: 'table' as const, rows, ...(header ? { header } : {}), ...(widths ? { widths } : {}) };
        const doc = { ...congVan, content: { body: [{ kind: 'paragraph' as const, text: 'Trước bảng.' }, block, { kind: 'paragraph' as const, text: 'Sau bảng.' }] } };
        const { pdf } = await renderDocumentPdf(doc, { creationDate: new Date('2026-01-01T00:00:00Z') });
        // Cells are written one after another; a word wider than its column is broken, so compare without spaces.
        const flat = textRaw(writeTemp(pdf, 'table-prop')).replace(/\s+/gu, '');
        let from = flat.indexOf('Trướcbảng.');
        expect(from).toBeGreaterThanOrEqual(0);
        for (const text of [...(header ?? []), ...rows.flat(), 'Saubảng.']) {
          const at = flat.indexOf(text.replace(/\s+/gu, ''), from);
          expect(at).toBeGreaterThanOrEqual(0);
          from = at + text.replace(/\s+/gu, '').length;
        }
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});
