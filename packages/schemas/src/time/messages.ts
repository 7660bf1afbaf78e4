// The messages of civil dates and Việt Nam time, apart from the other rules' messages so the light `./time` entry
// carries only these (messages.ts spreads them into the full table).
import { makeIssue, type Issue, type IssuePath } from '../errors.js';
import type { Lang, LocalizedText } from '../i18n.js';

type Params = Record<string, unknown>;
const s = (p: Params, k: string): string => {
  const v = p[k];
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
};

export const TIME_MESSAGES = {
  'date.invalid': (p: Params) => ({
    vi: `Ngày "${s(p, 'value')}" không hợp lệ: dùng dạng yyyy-mm-dd (ví dụ 2020-02-05).`,
    en: `Date "${s(p, 'value')}" is not valid: use yyyy-mm-dd (e.g. 2020-02-05).`,
  }),
  'date.instant': (p: Params) => ({
    vi: `"${s(p, 'value')}" là một thời điểm (Date), không phải một ngày: đổi bằng civilDateOf(thờiĐiểm) (giờ Việt Nam, UTC+07:00) hoặc ghi ngày dạng yyyy-mm-dd.`,
    en: `"${s(p, 'value')}" is an instant (Date), not a day: convert it with civilDateOf(instant) (Việt Nam time, UTC+07:00) or write the day as yyyy-mm-dd.`,
  }),
  'timestamp.format': (p: Params) => ({
    vi: `Thời điểm "${s(p, 'value')}" không đúng định dạng ${s(p, 'format')} hoặc không tồn tại.`,
    en: `Timestamp "${s(p, 'value')}" is not a real time of the form ${s(p, 'format')}.`,
  }),
} satisfies Record<string, (p: Params) => LocalizedText>;

export type TimeIssueCode = keyof typeof TIME_MESSAGES;

/** An issue of a time rule in the requested language (both languages in `localized`). */
export function timeIssue<C extends TimeIssueCode>(code: C, params: Params, path: IssuePath = [], lang?: Lang): Issue<C> {
  return makeIssue(code, TIME_MESSAGES[code](params), { path, params, lang });
}
