// Tables in the body (kế hoạch, báo cáo): ruled cells across the text width, the header row bold and centred and
// repeated at the top of every page the table continues on. Nghị định 30 prescribes no table layout; this follows
// the tables in the appendices of the decree and of the directives: single-spaced text one point smaller than the
// body (not under 11 pt), 0.5 pt rules.
import type { TableBlock } from '@egov-vn/schemas';
import type { Align, FontStyle, Line } from './layout/lines.js';
import type { Writer } from './writer.js';

/** Cell padding, in points: about 1 mm across and 0.7 mm above and below the text. */
const PAD_X = 3;
const PAD_Y = 2;
const RULE = 0.5;

interface Row {
  /** Each cell's laid-out lines. */
  readonly cells: readonly Line[][];
}

export interface TableStyle {
  /** Body text size: the table is set one point smaller (not under 11 pt). */
  readonly size: number;
  readonly spaceAfter: number;
}

/** Writes a table in the flow at the cursor, breaking pages between lines (rows that fit on a page are kept whole). */
export function drawTable(w: Writer, table: TableBlock, style: TableStyle): void {
  const size = Math.max(11, style.size - 1);
  const lh = w.lineHeight(size, 1);
  const columns = table.header?.length ?? table.rows[0]?.length ?? 0;
  const weights = table.widths ?? Array.from({ length: columns }, () => 1);
  const total = weights.reduce((a, b) => a + b, 0);
  const edges = [w.frame.left];
  for (const wt of weights) edges.push(edges.at(-1)! + (w.width * wt) / total);
  const row = (cells: readonly string[], rowStyle: FontStyle, align: (column: number) => Align): Row => ({
    cells: cells.map((text, c) =>
      w.layout([{ text: text.normalize('NFC'), style: rowStyle }], { size, align: align(c), width: Math.max(1, edges[c + 1]! - edges[c]! - 2 * PAD_X) }),
    ),
  });
  const header = table.header ? row(table.header, 'bold', () => 'center') : undefined;
  const rows = table.rows.map((r) => row(r, 'regular', (c) => table.align?.[c] ?? 'left'));
  /** Lines of `r` still to draw from line `from` on (a row of empty cells still takes one). */
  const linesLeft = (r: Row, from = 0): number => Math.max(1, ...r.cells.map((lines) => lines.length - from));
  const heightOf = (r: Row, from = 0): number => linesLeft(r, from) * lh + 2 * PAD_Y;
  const headerHeight = header ? heightOf(header) : 0;

  // The title, the header and the first row stay together (three lines of a first row taller than a page).
  const firstRow = heightOf(rows[0]!);
  /** Room for rows on a page that holds only the header (pages after the first have no reserve at the foot). */
  const freshRoom = w.frame.top - w.frame.bottom - headerHeight;
  const lead = headerHeight + (firstRow <= freshRoom ? firstRow : 3 * lh + 2 * PAD_Y);
  if (table.title) {
    const titleRuns = [{ text: table.title.normalize('NFC'), style: 'bold' as const }];
    const titleOptions = { size: style.size, align: 'center' as const, spaceAfter: PAD_Y * 2 };
    w.ensure(w.layout(titleRuns, titleOptions).length * w.lineHeight(style.size) + titleOptions.spaceAfter + lead);
    w.paragraph(titleRuns, titleOptions);
  }
  w.ensure(lead);

  let topOfPage = true;
  /** Whether a body row has been drawn on the current page (a page with only the header must take a row). */
  let rowsOnPage = false;
  /** Draws lines [from, from + take) of each cell of `r` as one ruled band; returns how many lines it drew. */
  const segment = (r: Row, from: number, take: number): number => {
    const n = Math.min(take, linesLeft(r, from));
    const top = w.y;
    const bottom = top - n * lh - 2 * PAD_Y;
    r.cells.forEach((lines, c) => {
      lines.slice(from, from + n).forEach((line, i) => {
        w.drawLine(line, edges[c]! + PAD_X, top - PAD_Y - (i + 1) * lh + w.descent(size), size);
      });
    });
    if (topOfPage) w.rule(edges[0]!, edges.at(-1)!, top, RULE);
    w.rule(edges[0]!, edges.at(-1)!, bottom, RULE);
    for (const x of edges) w.verticalRule(x, top, bottom, RULE);
    w.y = bottom;
    topOfPage = false;
    return n;
  };
  const startPage = (): void => {
    w.newPage();
    topOfPage = true;
    rowsOnPage = false;
    if (header) segment(header, 0, Infinity);
  };

  if (header) segment(header, 0, Infinity);
  for (const r of rows) {
    const lines = linesLeft(r);
    for (let done = 0; done < lines; ) {
      const need = heightOf(r, done);
      const fitsWhole = w.y - need >= w.bottom - 0.01;
      const fits = Math.floor((w.y - w.bottom - 2 * PAD_Y + 0.01) / lh);
      // A row that fits on a fresh page moves there whole; a longer one is split between lines.
      if (!fitsWhole && rowsOnPage && ((done === 0 && need <= freshRoom) || fits < 1)) {
        startPage();
        continue;
      }
      done += segment(r, done, fitsWhole ? Infinity : Math.max(1, fits));
      rowsOnPage = true;
      if (done < lines) startPage();
    }
  }
  w.y -= style.spaceAfter;
}
