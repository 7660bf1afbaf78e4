import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakLines, type FontStyle, type Measure, type Run, toBoxes } from './lines.js';

const RUNS = Number(process.env['EGOV_FUZZ_RUNS'] ?? 200);

/** A fake font: every character 0.5 em, bold 0.6 em (spaces 0.25 em). */
const measure: Measure = (text: string, style: FontStyle) =>
  Array.from(text).reduce((sum, ch) => sum + (ch === ' ' ? 0.25 : style === 'bold' ? 0.6 : 0.5), 0);

const word = fc.stringMatching(/^[a-zàáạảãâầấậẩẫăằắặẳẵđèéẹẻẽêềếệểễ]{1,12}$/u);
const runArb = fc.record({ text: fc.array(word, { minLength: 1, maxLength: 20 }).map((ws) => ws.join(' ')), style: fc.constantFrom<FontStyle>('regular', 'bold') });

function textOf(lines: ReturnType<typeof breakLines>): string[] {
  return lines.flatMap((l) => l.boxes.map((b) => b.text));
}

describe('toBoxes', () => {
  it('splits at spaces and keeps style changes inside a word as separate boxes without a space', () => {
    const boxes = toBoxes([{ text: 'Điều 1.', style: 'bold' }, { text: ' Ban hành', style: 'regular' }, { text: 'x', style: 'bold' }], measure);
    expect(boxes.map((b) => [b.text, b.style, b.space])).toEqual([
      ['Điều', 'bold', true],
      ['1.', 'bold', true],
      ['Ban', 'regular', true],
      ['hành', 'regular', false],
      ['x', 'bold', false],
    ]);
  });

  it('normalises to NFC', () => {
    const [box] = toBoxes([{ text: 'Hòa'.normalize('NFD'), style: 'regular' }], measure);
    expect(box!.text).toBe('Hòa'.normalize('NFC'));
  });
});

describe('breakLines (properties)', () => {
  it('keeps every word, in order, and never overflows a line that has a break', () => {
    fc.assert(
      fc.property(fc.array(runArb, { minLength: 1, maxLength: 4 }), fc.integer({ min: 60, max: 400 }), fc.constantFrom(12, 13, 14), (runs: Run[], width, size) => {
        const boxes = toBoxes(runs, measure);
        const lines = breakLines(boxes, { size, width, align: 'justify', firstIndent: 20 }, measure);
        expect(textOf(lines).join('')).toBe(boxes.map((b) => b.text).join(''));
        lines.forEach((line, i) => {
          const avail = width - (i === 0 ? 20 : 0);
          const breakable = line.boxes.slice(0, -1).some((b) => b.space || b.brk);
          // A line with a break inside never overflows (a word wider than the line is cut, a mixed-style one may not be).
          expect(!breakable || line.width <= avail + 1e-6).toBe(true);
          // Justified lines with spaces (all but the last) reach the right edge exactly; others stay inside it.
          const last = line.boxes.length - 1;
          const end = line.offset + line.xs[last]! + line.boxes[last]!.width * size;
          const justified = i < lines.length - 1 && line.boxes.some((b, k) => b.space && k < last);
          expect(justified ? Math.abs(end - width) < 1e-6 : !breakable || end <= width + 1e-6).toBe(true);
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('is greedy: the next word would not have fitted on the line', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 2, maxLength: 60 }), fc.integer({ min: 80, max: 300 }), (ws, width) => {
        const boxes = toBoxes([{ text: ws.join(' '), style: 'regular' }], measure);
        const lines = breakLines(boxes, { size: 10, width, align: 'left' }, measure);
        for (let i = 0; i < lines.length - 1; i++) {
          const next = lines[i + 1]!.boxes[0]!;
          expect(lines[i]!.width + 2.5 + next.width * 10).toBeGreaterThan(width);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('centres and right-aligns within the box', () => {
    const boxes = toBoxes([{ text: 'ab cd', style: 'regular' }], measure);
    const [c] = breakLines(boxes, { size: 10, width: 100, align: 'center' }, measure);
    const [r] = breakLines(boxes, { size: 10, width: 100, align: 'right' }, measure);
    expect(c!.width).toBeCloseTo(22.5);
    expect(c!.offset).toBeCloseTo((100 - 22.5) / 2);
    expect(r!.offset).toBeCloseTo(100 - 22.5);
  });

  it('cuts a word longer than the line into pieces that fit', () => {
    const boxes = toBoxes([{ text: 'x'.repeat(50), style: 'regular' }], measure);
    const lines = breakLines(boxes, { size: 10, width: 60, align: 'left' }, measure);
    expect(lines.length).toBe(5);
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(60);
    expect(textOf(lines).join('')).toBe('x'.repeat(50));
  });
});
