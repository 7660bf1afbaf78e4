// Status codes of edXML status packages (gói tin trạng thái, QCVN 102:2016 and the VPCP samples), their labels and
// the one rule for the order in which a recipient's statuses may be recorded. Used by the hub, the client's mock,
// exchange-api and edxml.
//
// The rule (canRecordStatus):
// - The processing chain is 01 Đã đến → 03 Tiếp nhận → 04 Phân công → 05 Đang xử lý → 06 Hoàn thành. A chain status
//   may skip steps (a system may send 03 without 01, or 05 without 04) but never goes back: its stage must be above
//   every chain status already recorded.
// - 02 Từ chối (rejected or returned) may come at any step before 06; 02 and 06 (finished) close the chain: no chain
//   status follows them (01 → 06 → 02 is refused, 01 → 03 → 02 is recorded).
// - 13 (take back), 15 (update/take-back accepted) and 16 (refused) answer a request about an issued document; they
//   may come at any step, also after 02 or 06, and do not move the chain (01 → 13 → 03 is fine).
// - A code already recorded for that recipient is a duplicate (the caller answers with the first record).
import { failure, type Issue, ok, type Result } from '../errors.js';
import { ruleIssue } from '../rules.js';
import type { Lang, LocalizedText } from '../i18n.js';

/** The status codes agencies use (07–12 and 14 appear in no sample or SDK). */
export const STATUS_CODES = ['01', '02', '03', '04', '05', '06', '13', '15', '16'] as const;
export type StatusCode = (typeof STATUS_CODES)[number];

/** The chain codes (01…06) and the request codes (13, 15, 16). */
export const CHAIN_STATUS_CODES = ['01', '02', '03', '04', '05', '06'] as const satisfies readonly StatusCode[];
export const REQUEST_STATUS_CODES = ['13', '15', '16'] as const satisfies readonly StatusCode[];

export function isStatusCode(value: unknown): value is StatusCode {
  return typeof value === 'string' && (STATUS_CODES as readonly string[]).includes(value);
}

/** Label and description of each status, in both languages (VPCP samples, .NET `StatusPackageName()`). */
export const STATUS_INFO: Readonly<Record<StatusCode, { readonly label: LocalizedText; readonly description: LocalizedText }>> = {
  '01': {
    label: { vi: 'Đã đến', en: 'Arrived' },
    description: { vi: 'Hệ thống nơi nhận đã nhận, văn thư chưa xử lý', en: 'The receiving system has it; the clerk has not acted yet' },
  },
  '02': {
    label: { vi: 'Từ chối', en: 'Rejected' },
    description: { vi: 'Văn thư từ chối tiếp nhận văn bản điện tử', en: 'The clerk rejects the e-document' },
  },
  '03': {
    label: { vi: 'Tiếp nhận', en: 'Accepted' },
    description: { vi: 'Đã tiếp nhận và vào sổ văn bản đến', en: 'Accepted and registered in the incoming book' },
  },
  '04': {
    label: { vi: 'Phân công', en: 'Assigned' },
    description: { vi: 'Lãnh đạo đã phân công xử lý', en: 'A leader assigned it for handling' },
  },
  '05': { label: { vi: 'Đang xử lý', en: 'Processing' }, description: { vi: 'Văn bản đang được xử lý', en: 'Being processed' } },
  '06': { label: { vi: 'Hoàn thành', en: 'Finished' }, description: { vi: 'Đã hoàn thành xử lý', en: 'Processing finished' } },
  '13': {
    label: { vi: 'Lấy lại', en: 'Take back' },
    description: { vi: 'Nơi gửi đề nghị lấy lại văn bản đã ban hành', en: 'The sender asks to take back an issued e-document' },
  },
  '15': {
    label: { vi: 'Đồng ý cập nhật/lấy lại', en: 'Change accepted' },
    description: { vi: 'Văn thư nơi nhận đồng ý yêu cầu cập nhật/lấy lại', en: "The receiver's clerk agrees to the update/take-back request" },
  },
  '16': {
    label: { vi: 'Từ chối cập nhật/lấy lại', en: 'Change refused' },
    description: { vi: 'Văn thư nơi nhận từ chối yêu cầu cập nhật/lấy lại', en: "The receiver's clerk refuses the update/take-back request" },
  },
};

/** The label of a status in both languages (the code itself for an unknown code). */
export function statusLabel(code: string): LocalizedText {
  return isStatusCode(code) ? STATUS_INFO[code].label : { vi: code, en: code };
}

/**
 * The order of statuses, for sorting and for a "stage" column: the chain by stage (01 = 1, 03 = 2, 04 = 3, 05 = 4,
 * 06 = 5), then 02 (= 6, it ends the chain wherever it comes), then the request codes (13 = 7; 15 and 16, its two
 * answers, = 8). Ranks alone do not decide what may be recorded: use {@link canRecordStatus}.
 */
export const statusRank: Readonly<Record<StatusCode, number>> = {
  '01': 1,
  '02': 6,
  '03': 2,
  '04': 3,
  '05': 4,
  '06': 5,
  '13': 7,
  '15': 8,
  '16': 8,
};

/** The codes of status-order problems. */
export type StatusIssueCode = 'status.unknown' | 'status.backwards' | 'status.closed';

/** What recording `next` after the codes already recorded would be. */
export type StatusTransition = { kind: 'record' } | { kind: 'duplicate' } | { kind: 'refuse'; issue: Issue<StatusIssueCode> };

function isChain(code: StatusCode): boolean {
  return statusRank[code] <= 6;
}

/**
 * Decides whether `next` may be recorded for one recipient of one document, given the codes already recorded for it
 * (`recorded`, in any order, or just the latest code). See the rule at the top of this module.
 */
export function statusTransition(recorded: Iterable<string> | string | null | undefined, next: string, options: { lang?: Lang } = {}): StatusTransition {
  const previous = recorded === null || recorded === undefined ? [] : typeof recorded === 'string' ? [recorded] : [...recorded];
  if (!isStatusCode(next)) return { kind: 'refuse', issue: ruleIssue('status.unknown', { code: next }, ['code'], options.lang) };
  if (previous.includes(next)) return { kind: 'duplicate' };
  if (!isChain(next)) return { kind: 'record' };
  const chain = previous.filter(isStatusCode).filter(isChain);
  const closed = chain.find((c) => c === '02' || c === '06');
  if (closed) return { kind: 'refuse', issue: ruleIssue('status.closed', { current: closed, next }, ['code'], options.lang) };
  if (next === '02') return { kind: 'record' };
  const highest = chain.reduce<StatusCode | undefined>((a, c) => (a === undefined || statusRank[c] > statusRank[a] ? c : a), undefined);
  if (highest !== undefined && statusRank[next] <= statusRank[highest]) {
    return { kind: 'refuse', issue: ruleIssue('status.backwards', { current: highest, next }, ['code'], options.lang) };
  }
  return { kind: 'record' };
}

/** True when `next` may be recorded now (not a duplicate, not refused). See {@link statusTransition}. */
export function canRecordStatus(recorded: Iterable<string> | string | null | undefined, next: string): boolean {
  return statusTransition(recorded, next).kind === 'record';
}

/** {@link statusTransition} as a result: ok with `duplicate` true/false, or the issue that refuses it. */
export function checkStatusTransition(
  recorded: Iterable<string> | string | null | undefined,
  next: string,
  options: { lang?: Lang } = {},
): Result<{ duplicate: boolean }, StatusIssueCode> {
  const t = statusTransition(recorded, next, options);
  return t.kind === 'refuse' ? failure([t.issue]) : ok({ duplicate: t.kind === 'duplicate' });
}
