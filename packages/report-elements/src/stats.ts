// The usage report's data: rows per agency and month, the three shares the directives follow, the targets, and rows
// built from the exchange hub's statistics (`GET /v1/stats`). Framework-free: no DOM, runs in Node and browsers.
import type { Stats, StatsQuery } from '@egov-vn/exchange-api';
import { daysInMonth, EgovError, type Lang, type LocalizedText, makeIssue } from '@egov-vn/schemas';

/** One agency's usage in one month (days counted in UTC+7, as the hub counts them). */
export interface EdocStatsRow {
  /** The agency's code (mã định danh), e.g. `000.00.01.H56`. */
  agency: string;
  /** The agency's name, as shown to readers. */
  agencyName: string;
  /** The month, `yyyy-mm`. */
  month: string;
  outgoing: {
    /** Outgoing documents sent in the month. */
    total: number;
    /** Of those, sent electronically only (no paper copy). */
    electronicOnly: number;
    /** Of those, digitally signed. */
    signed: number;
  };
  incoming: {
    /** Incoming documents received in the month. */
    received: number;
    /** Of those, acknowledged (status 01/03) on the day they arrived. */
    acknowledgedSameDay: number;
  };
}

/** The three shares of the report. */
export type EdocMeasure = 'electronicOnly' | 'signed' | 'sameDay';

/** The measures in the order the report shows them. */
export const edocMeasures: readonly EdocMeasure[] = ['electronicOnly', 'signed', 'sameDay'];

/** The counts behind a share: `part` of `whole`. */
export interface ShareCounts {
  part: number;
  whole: number;
}

/** The counts behind one measure of a row. */
export function measureCounts(row: EdocStatsRow, measure: EdocMeasure): ShareCounts {
  switch (measure) {
    case 'electronicOnly':
      return { part: row.outgoing.electronicOnly, whole: row.outgoing.total };
    case 'signed':
      return { part: row.outgoing.signed, whole: row.outgoing.total };
    case 'sameDay':
      return { part: row.incoming.acknowledgedSameDay, whole: row.incoming.received };
  }
}

/** The share (0…1) of one measure, or `undefined` when there was nothing to count (no document: no share). */
export function measureShare(row: EdocStatsRow, measure: EdocMeasure): number | undefined {
  const { part, whole } = measureCounts(row, measure);
  return whole > 0 ? part / whole : undefined;
}

/** A target that applies from a year (`yyyy`) or a month (`yyyy-mm`) on, until the next step. */
export interface TargetStep {
  since: string;
  /** The share to reach, 0…1. */
  share: number;
  /** Where the target comes from (shown in the report and the CSV notes). */
  source?: string;
}

/** One share for every month, or steps over time. */
export type TargetSchedule = number | readonly TargetStep[];

/** The target of each measure; a measure without a target (missing or `null`) is drawn without a target line. */
export type EdocTargets = Partial<Record<EdocMeasure, TargetSchedule | null>>;

const BAC_GIANG =
  'Chỉ thị của UBND tỉnh Bắc Giang về tăng cường sử dụng văn bản điện tử, mục 1.a (văn bản đi gửi bằng bản điện tử, cấp sở)';

/**
 * The targets set by the directives: 80% of outgoing documents sent electronically only (no paper) in 2014, 90% by
 * the end of 2015 (Bắc Giang provincial People's Committee directive, item 1.a, for departments; districts 85% then
 * 90%). The same steps are used for the signed and same-day shares, for which the directives read set no figure of
 * their own: pass your own `targets` to change any of them.
 */
export const directiveTargets: Readonly<Record<EdocMeasure, readonly TargetStep[]>> = Object.freeze({
  electronicOnly: [
    { since: '2014', share: 0.8, source: `${BAC_GIANG}: năm 2014 đạt 80%` },
    { since: '2015', share: 0.9, source: `${BAC_GIANG}: đến hết năm 2015 đạt 90%` },
  ],
  signed: [
    { since: '2014', share: 0.8 },
    { since: '2015', share: 0.9 },
  ],
  sameDay: [
    { since: '2014', share: 0.8 },
    { since: '2015', share: 0.9 },
  ],
});

/** The target (0…1) of `measure` in `month` (`yyyy-mm`), or `undefined` when none applies. */
export function targetFor(targets: EdocTargets, measure: EdocMeasure, month: string): number | undefined {
  const schedule = targets[measure];
  if (schedule === undefined || schedule === null) return undefined;
  if (typeof schedule === 'number') return schedule;
  let found: number | undefined;
  let foundSince = '';
  for (const step of schedule) {
    const since = step.since.length === 4 ? `${step.since}-01` : step.since;
    if (since <= month && since >= foundSince) {
      found = step.share;
      foundSince = since;
    }
  }
  return found;
}

/** Whether a share reaches its target (`undefined` when there is no share or no target). */
export function meetsTarget(share: number | undefined, target: number | undefined): boolean | undefined {
  if (share === undefined || target === undefined) return undefined;
  // Shares are ratios of counts: compare with a little tolerance so 9/10 meets 0.9.
  return share + 1e-9 >= target;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Whether `value` is a month written `yyyy-mm`. */
export function isMonth(value: string): boolean {
  return MONTH.test(value);
}

/** The first and last day (`yyyy-mm-dd`) of a month `yyyy-mm`. */
export function monthRange(month: string): { from: string; to: string } {
  const m = MONTH.exec(month);
  if (!m) throw new EdocStatsError('STATS_MONTH', monthText(month), 'month');
  const year = Number(m[1]);
  const mon = Number(m[2]);
  const last = daysInMonth(year, mon);
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** Every month from `first` to `last` (`yyyy-mm`, inclusive), in order. */
export function monthsBetween(first: string, last: string): string[] {
  monthRange(first);
  monthRange(last);
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  for (let guard = 0; guard < 1200; guard++) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > last) break;
    out.push(month);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** A text in both languages. */
/** A text in both languages: the kit's `LocalizedText` (`@egov-vn/schemas`). */
export type BilingualText = LocalizedText;

const monthText = (month: string): BilingualText => ({
  vi: `Tháng "${month}" không hợp lệ: cần dạng yyyy-mm, ví dụ 2026-03.`,
  en: `Month "${month}" is not valid: expected yyyy-mm, e.g. 2026-03.`,
});

/** The codes of `EdocStatsError`: a month not written `yyyy-mm`, or statistics answered for another agency. */
export type EdocStatsErrorCode = 'STATS_MONTH' | 'STATS_AGENCY';

/**
 * A problem with report data or with building it, an `EgovError` of `@egov-vn/schemas`: `code`, `message`
 * (Vietnamese by default), both languages in `localized` (`text(lang)` picks one) and `where`.
 */
export class EdocStatsError extends EgovError<EdocStatsErrorCode> {
  override name = 'EdocStatsError';
  /** Where: the field or the agency/month it concerns. */
  readonly where: string;
  constructor(code: EdocStatsErrorCode, text: BilingualText, where: string, lang: Lang = 'vi') {
    super([makeIssue(code, text, { path: [where], lang })], { code, localized: text, lang });
    this.where = where;
  }
}

/** A row that cannot be drawn, with the reason in both languages. */
export interface RowProblem {
  /** The row's index in the data. */
  index: number;
  /** The field at fault, e.g. `outgoing.signed`. */
  field: string;
  text: BilingualText;
}

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

/** The problems of one row (empty when it can be drawn). */
function rowProblems(row: unknown, index: number): RowProblem[] {
  const problems: RowProblem[] = [];
  const add = (field: string, vi: string, en: string) => problems.push({ index, field, text: { vi, en } });
  if (typeof row !== 'object' || row === null) {
    add('', 'không phải một dòng số liệu', 'not a data row');
    return problems;
  }
  const r = row as Partial<EdocStatsRow>;
  if (typeof r.agency !== 'string' || r.agency === '') add('agency', 'thiếu mã cơ quan', 'agency code missing');
  if (typeof r.agencyName !== 'string') add('agencyName', 'thiếu tên cơ quan', 'agency name missing');
  if (typeof r.month !== 'string' || !isMonth(r.month)) add('month', 'tháng cần dạng yyyy-mm', 'month must be yyyy-mm');
  const counts: Array<[string, unknown]> = [
    ['outgoing.total', r.outgoing?.total],
    ['outgoing.electronicOnly', r.outgoing?.electronicOnly],
    ['outgoing.signed', r.outgoing?.signed],
    ['incoming.received', r.incoming?.received],
    ['incoming.acknowledgedSameDay', r.incoming?.acknowledgedSameDay],
  ];
  for (const [field, value] of counts) {
    if (!isCount(value)) add(field, 'cần một số nguyên không âm', 'must be a non-negative integer');
  }
  if (problems.length > 0) return problems;
  const ok = r as EdocStatsRow;
  for (const measure of edocMeasures) {
    const { part, whole } = measureCounts(ok, measure);
    if (part > whole) {
      const field = measure === 'sameDay' ? 'incoming.acknowledgedSameDay' : `outgoing.${measure}`;
      add(field, `lớn hơn tổng (${part} > ${whole})`, `greater than the total (${part} > ${whole})`);
    }
  }
  return problems;
}

/**
 * Split data into the rows that can be drawn and the problems of the others (never throws): counts must be
 * non-negative integers, parts no greater than their totals, months `yyyy-mm`, and one row per agency and month
 * (a repeated one is reported and left out).
 */
export function checkRows(data: unknown): { rows: EdocStatsRow[]; problems: RowProblem[] } {
  if (!Array.isArray(data)) {
    return data === undefined || data === null
      ? { rows: [], problems: [] }
      : { rows: [], problems: [{ index: -1, field: 'data', text: { vi: 'cần một mảng các dòng', en: 'expected an array of rows' } }] };
  }
  const rows: EdocStatsRow[] = [];
  const problems: RowProblem[] = [];
  const seen = new Set<string>();
  data.forEach((row: unknown, index) => {
    const found = rowProblems(row, index);
    if (found.length > 0) {
      problems.push(...found);
      return;
    }
    const ok = row as EdocStatsRow;
    const key = `${ok.agency}\u0000${ok.month}`;
    if (seen.has(key)) {
      problems.push({
        index,
        field: 'month',
        text: { vi: `trùng cơ quan ${ok.agency} tháng ${ok.month}`, en: `repeats agency ${ok.agency} month ${ok.month}` },
      });
      return;
    }
    seen.add(key);
    rows.push(ok);
  });
  return { rows, problems };
}

/** What `statsRowsFrom` needs of a client: `ExchangeClient` from @egov-vn/exchange-client has it. */
export interface StatsSource {
  getStats(query: StatsQuery, options?: { signal?: AbortSignal }): Promise<Stats>;
}

/** An agency to report on: its code, or its code and name. */
export type AgencyRef = string | { code: string; name: string };

export interface StatsRowsOptions {
  /** The agencies, in the order of the report. */
  agencies: readonly AgencyRef[];
  /** The months, `yyyy-mm`. */
  months: readonly string[];
  signal?: AbortSignal;
  /** Requests at once (default 4). */
  concurrency?: number;
  /** Language of thrown `EdocStatsError` messages (default Vietnamese). */
  lang?: Lang;
}

/** One report row from the hub's statistics of one agency over one month. */
export function rowFromStats(stats: Stats, agencyName: string, month: string): EdocStatsRow {
  return {
    agency: stats.agency,
    agencyName,
    month,
    outgoing: { total: stats.outgoing.total, electronicOnly: stats.outgoing.electronicOnly, signed: stats.outgoing.signed },
    incoming: { received: stats.incoming.received, acknowledgedSameDay: stats.incoming.acknowledgedSameDay },
  };
}

/**
 * Build the report's rows from the hub: one `getStats` call per agency and month (first to last day of the month,
 * UTC+7). The hub answers for the agency a client acts for, so pass one client per agency (`source` as a function of
 * the agency code) unless you report on one agency. Rows come back agency by agency, months in the given order.
 * A client that answers for another agency than asked is an error (`EdocStatsError`, located); the client's own
 * errors (`ExchangeError`) pass through.
 */
export async function statsRowsFrom(
  source: StatsSource | ((agency: string) => StatsSource),
  options: StatsRowsOptions,
): Promise<EdocStatsRow[]> {
  const { agencies, months, signal, concurrency = 4, lang = 'vi' } = options;
  for (const month of months) if (!isMonth(month)) throw new EdocStatsError('STATS_MONTH', monthText(month), 'months', lang);
  const refs = agencies.map((a) => (typeof a === 'string' ? { code: a, name: a } : a));
  const jobs = refs.flatMap((agency) => months.map((month) => ({ agency, month })));
  const rows: EdocStatsRow[] = Array.from({ length: jobs.length });
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const i = next++;
      const { agency, month } = jobs[i]!;
      signal?.throwIfAborted();
      const client = typeof source === 'function' ? source(agency.code) : source;
      const stats = await client.getStats(monthRange(month), signal ? { signal } : {});
      if (stats.agency !== agency.code) {
        throw new EdocStatsError(
          'STATS_AGENCY',
          {
            vi: `Thống kê tháng ${month} trả về cho cơ quan ${stats.agency}, không phải ${agency.code}: máy khách này làm việc cho cơ quan khác (dùng một máy khách cho mỗi cơ quan).`,
            en: `Statistics for ${month} came back for agency ${stats.agency}, not ${agency.code}: this client acts for another agency (use one client per agency).`,
          },
          `${agency.code} ${month}`,
          lang,
        );
      }
      rows[i] = rowFromStats(stats, agency.name, month);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, jobs.length)) }, worker));
  return rows;
}
