// The messages of zod's checks (required, too short, too long, not one of the options…) written for a person, in
// Vietnamese and English: each names the field in words (field-labels.ts) and says what to do. zod's own locale
// texts ("Quá nhỏ: mong đợi string có >=1 ký tự") never reach a user.
import type { z } from 'zod';
import { fieldLabel } from './field-labels.js';
import type { LocalizedText } from './i18n.js';
import { ruleMessage, type RuleCode } from './messages.js';

type RawIssue = z.core.$ZodRawIssue;

/** Hints for string patterns, by field: what the field may contain, with an example. */
const PATTERN_HINTS: Record<string, LocalizedText> = {
  initials: { vi: 'chỉ gồm chữ in hoa, chữ số và dấu chấm (ví dụ NTL)', en: 'only capital letters, digits and full stops (e.g. NTL)' },
  CodeNumber: { vi: 'chỉ gồm chữ số (ví dụ 123)', en: 'only digits (e.g. 123)' },
};

const TYPE_NAMES: Record<string, LocalizedText> = {
  string: { vi: 'một đoạn chữ', en: 'text' },
  number: { vi: 'một số', en: 'a number' },
  int: { vi: 'một số nguyên', en: 'a whole number' },
  boolean: { vi: 'có hoặc không (true/false)', en: 'yes or no (true/false)' },
  array: { vi: 'một danh sách', en: 'a list' },
  object: { vi: 'một nhóm thông tin', en: 'a group of fields' },
  date: { vi: 'một ngày', en: 'a date' },
};

const lowerFirst = (text: string): string => text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);

function show(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : String(value);
}

function listOf(values: readonly unknown[]): string {
  const shown = values.slice(0, 8).map(show).join(', ');
  return values.length > 8 ? `${shown}, …` : shown;
}

/** Lists whose entries are records a user fills one by one: a field of an entry says which entry it is. */
const ENTRY_LISTS = new Set(['recipients', 'kinhGui', 'appendices', 'To', 'Documents']);

/** The entry's number to name with the label: of a list item itself, or of a record in one of ENTRY_LISTS. */
function entryOf(path: readonly PropertyKey[]): number | undefined {
  const last = path.at(-1);
  if (typeof last === 'number') return last;
  const index = path.at(-2);
  return typeof index === 'number' && ENTRY_LISTS.has(String(path.at(-3))) ? index : undefined;
}

/** The field's label, with the entry's number when the field is an entry of a list: "Tên nơi nhận (mục 2)". */
function labelOf(path: readonly PropertyKey[]): LocalizedText {
  const label = fieldLabel(path);
  const index = entryOf(path);
  const key = path.findLast((k): k is string => typeof k === 'string');
  const base = label ?? (key === undefined ? { vi: 'Dữ liệu', en: 'The input' } : { vi: `Trường "${key}"`, en: `Field "${key}"` });
  return index === undefined ? base : { vi: `${base.vi} (mục ${index + 1})`, en: `${base.en} (entry ${index + 1})` };
}

/** A field that must be given and is not. */
function required(L: LocalizedText): LocalizedText {
  return { vi: `Hãy nhập ${lowerFirst(L.vi)}: đây là thông tin bắt buộc.`, en: `Enter ${lowerFirst(L.en)}: it is required.` };
}

function tooSmall(issue: Extract<RawIssue, { code: 'too_small' }>, L: LocalizedText): LocalizedText {
  const n = Number(issue.minimum);
  if (issue.origin === 'string') {
    return n <= 1
      ? { vi: `${L.vi} không được để trống.`, en: `${L.en} must not be empty.` }
      : { vi: `${L.vi} phải có ít nhất ${n} ký tự.`, en: `${L.en} must be at least ${n} characters long.` };
  }
  if (issue.origin === 'array' || issue.origin === 'set') {
    return n <= 1
      ? { vi: `${L.vi} cần ít nhất một mục: hãy thêm một mục.`, en: `${L.en}: at least one entry is needed; add one.` }
      : { vi: `${L.vi} cần ít nhất ${n} mục.`, en: `${L.en}: at least ${n} entries are needed.` };
  }
  return issue.inclusive === false
    ? { vi: `${L.vi} phải lớn hơn ${n}.`, en: `${L.en} must be greater than ${n}.` }
    : { vi: `${L.vi} phải từ ${n} trở lên.`, en: `${L.en} must be ${n} or more.` };
}

function tooBig(issue: Extract<RawIssue, { code: 'too_big' }>, L: LocalizedText): LocalizedText {
  const n = Number(issue.maximum);
  if (issue.origin === 'string') {
    return { vi: `${L.vi} dài quá ${n} ký tự cho phép: hãy rút gọn.`, en: `${L.en} is longer than the ${n} characters allowed: shorten it.` };
  }
  if (issue.origin === 'array' || issue.origin === 'set') {
    return { vi: `${L.vi} có nhiều hơn ${n} mục cho phép: hãy bớt đi.`, en: `${L.en}: more than the ${n} entries allowed; remove some.` };
  }
  return issue.inclusive === false
    ? { vi: `${L.vi} phải nhỏ hơn ${n}.`, en: `${L.en} must be less than ${n}.` }
    : { vi: `${L.vi} không được lớn hơn ${n}.`, en: `${L.en} must be at most ${n}.` };
}

function invalidFormat(issue: Extract<RawIssue, { code: 'invalid_format' }>, L: LocalizedText, path: readonly PropertyKey[]): LocalizedText {
  if (issue.format === 'email') {
    return { vi: `${L.vi} chưa đúng: hãy ghi một địa chỉ đầy đủ (ví dụ vanthu@hanoi.gov.vn).`, en: `${L.en} is not right: write a full address (e.g. vanthu@hanoi.gov.vn).` };
  }
  if (issue.format === 'url') {
    return { vi: `${L.vi} phải là địa chỉ web đầy đủ (ví dụ https://hanoi.gov.vn).`, en: `${L.en} must be a full web address (e.g. https://hanoi.gov.vn).` };
  }
  const key = path.findLast((k) => typeof k === 'string');
  const hint = typeof key === 'string' ? PATTERN_HINTS[key] : undefined;
  return hint
    ? { vi: `${L.vi} không đúng dạng: ${hint.vi}.`, en: `${L.en} is not in the right form: ${hint.en}.` }
    : { vi: `${L.vi} không đúng dạng quy định.`, en: `${L.en} is not in the required form.` };
}

function invalidType(issue: Extract<RawIssue, { code: 'invalid_type' }>, L: LocalizedText): LocalizedText {
  if (issue.input === undefined) return required(L);
  const type = TYPE_NAMES[issue.expected] ?? { vi: 'một giá trị khác', en: 'another kind of value' };
  return { vi: `${L.vi} phải là ${type.vi}.`, en: `${L.en} must be ${type.en}.` };
}

function custom(issue: Extract<RawIssue, { code: 'custom' }>, L: LocalizedText): LocalizedText {
  const rule: unknown = issue.params?.['rule'];
  if (typeof rule !== 'string') return { vi: `${L.vi} không hợp lệ.`, en: `${L.en} is not valid.` };
  const value = typeof issue.input === 'string' || typeof issue.input === 'number' ? String(issue.input) : '';
  if (rule === 'text.blank') {
    return { vi: `${L.vi} không được chỉ có khoảng trắng: hãy nhập nội dung.`, en: `${L.en} must not be only white space: enter some text.` };
  }
  if (rule === 'date.invalid') {
    return {
      vi: `${L.vi} "${value}" không phải ngày hợp lệ: ghi theo dạng yyyy-mm-dd (ví dụ 2020-02-05).`,
      en: `${L.en} "${value}" is not a valid date: write it as yyyy-mm-dd (e.g. 2020-02-05).`,
    };
  }
  // The other rules' messages name their field themselves (messages.ts); the value they looked at fills them.
  return ruleMessage(rule as RuleCode, { value, code: value, ...issue.params });
}

/**
 * The message of one zod issue (raw, as an error map receives it) in both languages. `unrecognized_keys` issues
 * are written by validate.ts (it needs the schema's keys). `lookup` gives both languages of a message written
 * earlier in the same parse (the issues inside a union's `errors`).
 */
export function zodIssueText(issue: RawIssue, lookup?: (message: string) => LocalizedText | undefined): LocalizedText {
  const path = issue.path ?? [];
  const L = labelOf(path);
  switch (issue.code) {
    case 'invalid_type':
      return invalidType(issue, L);
    case 'too_small':
      return tooSmall(issue, L);
    case 'too_big':
      return tooBig(issue, L);
    case 'invalid_format':
      return invalidFormat(issue, L, path);
    case 'not_multiple_of':
      return { vi: `${L.vi} phải là bội số của ${issue.divisor}.`, en: `${L.en} must be a multiple of ${issue.divisor}.` };
    case 'invalid_value':
      if (issue.input === undefined) return required(L);
      return issue.values.length === 1
        ? { vi: `${L.vi} phải là ${show(issue.values[0])}.`, en: `${L.en} must be ${show(issue.values[0])}.` }
        : {
            vi: `${L.vi} ${show(issue.input)} không có trong danh sách: chọn một trong ${listOf(issue.values)}.`,
            en: `${L.en} ${show(issue.input)} is not one of the options: choose one of ${listOf(issue.values)}.`,
          };
    case 'invalid_union': {
      if (issue.input === undefined) return required(L);
      const options = 'options' in issue && Array.isArray(issue.options) ? issue.options : undefined;
      if (issue.discriminator !== undefined && options) {
        const kind: unknown = (issue.input as Record<string, unknown> | null)?.[issue.discriminator];
        if (kind === undefined) return required(L);
        return {
          vi: `${L.vi} ${show(kind)} không có trong danh sách: chọn một trong ${listOf(options)}.`,
          en: `${L.en} ${show(kind)} is not one of the options: choose one of ${listOf(options)}.`,
        };
      }
      // The option of the right type (structured content rather than text) says what is wrong inside it.
      const inner = issue.errors.find((list) => list.length > 0 && !list.some((i) => i.path.length === 0 && i.code === 'invalid_type'))?.[0];
      const text = inner ? lookup?.(inner.message) : undefined;
      return text ?? { vi: `${L.vi} không đúng dạng nào được chấp nhận.`, en: `${L.en} does not have any of the accepted forms.` };
    }
    case 'invalid_key':
    case 'invalid_element':
      return { vi: `${L.vi} có mục không hợp lệ.`, en: `${L.en} has an entry that is not valid.` };
    case 'custom':
      return custom(issue, L);
    default:
      return { vi: `${L.vi} không hợp lệ.`, en: `${L.en} is not valid.` };
  }
}
