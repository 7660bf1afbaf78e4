// The report as CSV (RFC 4180): comma-separated, CRLF line ends, fields with a comma, quote, CR or LF quoted with
// doubled quotes, and a UTF-8 byte order mark so Excel opens Vietnamese text as UTF-8. Framework-free.
import { directiveTargets, edocMeasures, measureCounts, measureShare, meetsTarget, targetFor } from './stats.js';
import type { Lang } from '@egov-vn/schemas';
import type { EdocMeasure, EdocStatsRow, EdocTargets } from './stats.js';

/** The UTF-8 byte order mark, as the first character of the text. */
export const BOM = '\uFEFF';

export interface CsvOptions {
  /** Language of the header row and the yes/no column (default Vietnamese). */
  lang?: Lang;
  /** The targets written beside each share (default {@link directiveTargets}). */
  targets?: EdocTargets;
  /** Start with the UTF-8 byte order mark (default true: Excel needs it to read UTF-8). */
  bom?: boolean;
}

const headers: Record<Lang, { fixed: string[]; measure: Record<EdocMeasure, string[]> }> = {
  vi: {
    fixed: ['Mã cơ quan', 'Tên cơ quan', 'Tháng', 'Văn bản đi', 'Văn bản đến'],
    measure: {
      electronicOnly: ['Gửi hoàn toàn điện tử', 'Tỷ lệ gửi hoàn toàn điện tử (%)', 'Chỉ tiêu (%)', 'Đạt chỉ tiêu'],
      signed: ['Có chữ ký số', 'Tỷ lệ ký số (%)', 'Chỉ tiêu (%)', 'Đạt chỉ tiêu'],
      sameDay: ['Tiếp nhận trong ngày', 'Tỷ lệ tiếp nhận trong ngày (%)', 'Chỉ tiêu (%)', 'Đạt chỉ tiêu'],
    },
  },
  en: {
    fixed: ['Agency code', 'Agency name', 'Month', 'Outgoing documents', 'Incoming documents'],
    measure: {
      electronicOnly: ['Sent electronically only', 'Electronic-only share (%)', 'Target (%)', 'Target met'],
      signed: ['Digitally signed', 'Signed share (%)', 'Target (%)', 'Target met'],
      sameDay: ['Acknowledged same day', 'Same-day share (%)', 'Target (%)', 'Target met'],
    },
  },
};

const yesNo = { vi: ['có', 'không'], en: ['yes', 'no'] } as const;

/**
 * A spreadsheet reads a cell that starts with `=`, `+`, `-`, `@`, tab or CR as a formula: text cells that do are
 * prefixed with an apostrophe (OWASP "CSV injection"), which spreadsheets show as text.
 */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One field, quoted when RFC 4180 requires it. */
export function csvField(value: string | number | undefined): string {
  const text = value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows of fields as CSV text (CRLF after every record, the last one too, as RFC 4180 allows). */
export function toCsv(records: ReadonlyArray<ReadonlyArray<string | number | undefined>>, bom = true): string {
  return (bom ? BOM : '') + records.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** A share 0…1 as a percentage with at most one decimal, `.` as the decimal mark (e.g. `87.5`). */
export function percent(share: number | undefined): string {
  return share === undefined ? '' : String(Math.round(share * 1000) / 10);
}

/** The header row and one record per row of the report. */
export function edocStatsRecords(rows: readonly EdocStatsRow[], options: CsvOptions = {}): string[][] {
  const { lang = 'vi', targets = directiveTargets } = options;
  const h = headers[lang];
  const head = [...h.fixed, ...edocMeasures.flatMap((m) => h.measure[m])];
  const body = rows.map((row) => [
    neutralizeFormula(row.agency),
    neutralizeFormula(row.agencyName),
    row.month,
    String(row.outgoing.total),
    String(row.incoming.received),
    ...edocMeasures.flatMap((m) => {
      const share = measureShare(row, m);
      const target = targetFor(targets, m, row.month);
      const met = meetsTarget(share, target);
      return [
        String(measureCounts(row, m).part),
        percent(share),
        percent(target),
        met === undefined ? '' : yesNo[lang][met ? 0 : 1],
      ];
    }),
  ]);
  return [head, ...body];
}

/** The report as CSV text: header row, one record per agency and month (see {@link CsvOptions}). */
export function edocStatsCsv(rows: readonly EdocStatsRow[], options: CsvOptions = {}): string {
  return toCsv(edocStatsRecords(rows, options), options.bom ?? true);
}
