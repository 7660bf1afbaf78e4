// @egov-vn/schemas/time — civil dates and Việt Nam time, with the issue, result and error shapes they report in.
// A light entry: no zod and only the time rules' messages, for cores that need dates (calendar, edxml,
// pdf-signature) without the document model.
export { type Lang, type LocalizedText } from './i18n.js';
export { EgovError, type EgovErrorOptions, type Failure, failure, type Issue, type IssueParams, type IssuePath, isEgovError, makeIssue, ok, type Result } from './errors.js';
export { TIME_MESSAGES, type TimeIssueCode } from './time/messages.js';
export {
  type CivilDate,
  civilDateOf,
  compareCivilDates,
  type DateInput,
  type DateIssueCode,
  daysInMonth,
  formatIsoDate,
  formatVnDate,
  isCivilDate,
  isLeapYear,
  safeToCivilDate,
  toCivilDate,
  todayInVietnam,
  VIETNAM_TIME_ZONE,
  VIETNAM_UTC_OFFSET_MINUTES,
} from './time/civil-date.js';
export {
  formatEdxmlDate,
  formatEdxmlTimestamp,
  formatPdfDate,
  formatVietnamDateTime,
  formatVietnamIso,
  fromVietnamDateTime,
  isEdxmlDate,
  isEdxmlTimestamp,
  isVietnamIso,
  parseEdxmlDate,
  parseEdxmlTimestamp,
  startOfVietnamDay,
  type TimestampIssueCode,
  type VietnamDateTime,
  vietnamDateTimeOf,
  vietnamDayRange,
  VIETNAM_ISO_RE,
} from './time/vietnam-time.js';
