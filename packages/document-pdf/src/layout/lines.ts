// Line breaking and justification over font metrics. Pure: the caller supplies how wide a piece of text is in a style,
// so this runs (and is tested) without a PDF.

/** A text style: one of the four faces of the serif family. */
export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';

/** A run of text in one style. */
export interface Run {
  readonly text: string;
  readonly style: FontStyle;
}

/** Measures text at size 1 (so widths scale linearly with the font size). */
export type Measure = (text: string, style: FontStyle) => number;

/** A piece of a word in one style; `space` says a breakable space follows it. */
export interface Box {
  readonly text: string;
  readonly style: FontStyle;
  /** Width at size 1. */
  readonly width: number;
  /** A space follows this box (a break opportunity). */
  readonly space: boolean;
  /** A break opportunity without a space (inside a word cut because it is longer than a line). */
  readonly brk?: boolean;
}

/** One laid-out line: boxes with their x offsets from the line's left edge, in points. */
export interface Line {
  readonly boxes: readonly Box[];
  readonly xs: readonly number[];
  /** Extra width added to each space of the line (justification), in points. */
  readonly extraPerSpace: number;
  /** Natural width of the line (without justification), in points. */
  readonly width: number;
  /** Left offset of the line inside the paragraph box (first-line indent, alignment), in points. */
  readonly offset: number;
}

export type Align = 'justify' | 'left' | 'center' | 'right';

export interface ParagraphStyle {
  readonly size: number;
  readonly width: number;
  readonly align: Align;
  /** Indent of the first line, in points. */
  readonly firstIndent?: number;
  /** Indent of the lines after the first (hanging), in points. */
  readonly restIndent?: number;
}

/** Breakable spaces (a no-break space U+00A0 stays inside its word). */
const SPACE = /[ \t\n\r]+/u;

/** Splits runs into boxes at spaces; a word crossing a style change becomes several boxes without a space between. */
export function toBoxes(runs: readonly Run[], measure: Measure): Box[] {
  const boxes: Box[] = [];
  for (const run of runs) {
    const text = run.text.normalize('NFC');
    if (text === '') continue;
    const parts = text.split(SPACE);
    const leadingSpace = SPACE.test(text[0]!);
    if (leadingSpace && boxes.length > 0) {
      const last = boxes[boxes.length - 1]!;
      boxes[boxes.length - 1] = { ...last, space: true };
    }
    parts.forEach((part, i) => {
      if (part === '') return;
      const trailing = i < parts.length - 1;
      boxes.push({ text: part, style: run.style, width: measure(part, run.style), space: trailing });
    });
  }
  if (boxes.length > 0) {
    const last = boxes[boxes.length - 1]!;
    boxes[boxes.length - 1] = { ...last, space: false };
  }
  return boxes;
}

/** Splits a box too wide for any line into pieces that fit (by characters). */
function splitBox(box: Box, maxWidth: number, measure: Measure): Box[] {
  const chars = Array.from(box.text);
  const out: Box[] = [];
  let current = '';
  for (const ch of chars) {
    const next = current + ch;
    if (current !== '' && measure(next, box.style) > maxWidth) {
      out.push({ text: current, style: box.style, width: measure(current, box.style), space: false, brk: true });
      current = ch;
    } else {
      current = next;
    }
  }
  out.push({ text: current, style: box.style, width: measure(current, box.style), space: box.space });
  return out;
}

/**
 * Greedy (first-fit) line breaking, as word processors do, with full justification of every line but the last.
 * `spaceWidth(style)` is the width of a space at size 1.
 */
export function breakLines(boxesIn: readonly Box[], style: ParagraphStyle, measure: Measure): Line[] {
  const { size, width, align } = style;
  const firstIndent = style.firstIndent ?? 0;
  const restIndent = style.restIndent ?? 0;
  const spaceCache = new Map<FontStyle, number>();
  const space = (s: FontStyle): number => {
    let w = spaceCache.get(s);
    if (w === undefined) {
      w = measure(' ', s);
      spaceCache.set(s, w);
    }
    return w * size;
  };
  const available = (lineIndex: number): number => width - (lineIndex === 0 ? firstIndent : restIndent);
  const boxes: Box[] = [];
  for (const b of boxesIn) {
    if (b.width * size > width - Math.max(firstIndent, restIndent)) boxes.push(...splitBox(b, (width - Math.max(firstIndent, restIndent)) / size, measure));
    else boxes.push(b);
  }
  const lines: Line[] = [];
  let start = 0;
  while (start < boxes.length) {
    const avail = available(lines.length);
    let end = start;
    let lineWidth = 0;
    let lastBreak = -1;
    let widthAtBreak = 0;
    while (end < boxes.length) {
      const b = boxes[end]!;
      const gap = end > start && boxes[end - 1]!.space ? space(boxes[end - 1]!.style) : 0;
      const next = lineWidth + gap + b.width * size;
      if (next > avail + 1e-6 && lastBreak >= start) break;
      lineWidth = next;
      end++;
      if (b.space || b.brk) {
        lastBreak = end;
        widthAtBreak = lineWidth;
      }
      if (next > avail + 1e-6) {
        // Only happens when no break exists yet: the unbreakable run goes on until its next break.
        while (end < boxes.length && !boxes[end - 1]!.space && !boxes[end - 1]!.brk) {
          lineWidth += boxes[end]!.width * size;
          end++;
        }
        lastBreak = end;
        widthAtBreak = lineWidth;
        break;
      }
    }
    if (end < boxes.length && lastBreak > start) {
      end = lastBreak;
      lineWidth = widthAtBreak;
    }
    const lineBoxes = boxes.slice(start, end);
    const isLast = end >= boxes.length;
    lines.push(placeLine(lineBoxes, lineWidth, avail, lines.length === 0 ? firstIndent : restIndent, isLast ? (align === 'justify' ? 'left' : align) : align, space, size));
    start = end;
  }
  return lines;
}

function placeLine(
  boxes: readonly Box[],
  natural: number,
  avail: number,
  indent: number,
  align: Align,
  space: (s: FontStyle) => number,
  size: number,
): Line {
  const spaces = boxes.slice(0, -1).filter((b) => b.space).length;
  const extraPerSpace = align === 'justify' && spaces > 0 ? Math.max(0, (avail - natural) / spaces) : 0;
  const xs: number[] = [];
  let x = 0;
  boxes.forEach((b, i) => {
    xs.push(x);
    x += b.width * size;
    if (b.space && i < boxes.length - 1) x += space(b.style) + extraPerSpace;
  });
  let offset = indent;
  if (align === 'center') offset = indent + (avail - natural) / 2;
  if (align === 'right') offset = indent + (avail - natural);
  return { boxes, xs, extraPerSpace, width: natural, offset };
}
