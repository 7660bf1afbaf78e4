// @egov-vn/schemas/core — everything of the package but the zod document model: languages, issues and errors, rule
// messages, Vietnamese text, civil dates and Việt Nam time, exchange status codes, agency codes and e-mail addresses.
// Importing it never loads zod (the cores — edxml, calendar — import this entry or ./time, not the root).
// Languages, issues, results and errors: the one shape of each for the whole kit
export { getLanguage, isLang, type Lang, LANGS, type Language, localize, type LocalizedText, setLanguage } from './i18n.js';
export {
  EgovError,
  type EgovErrorOptions,
  type EgovIssue,
  type Failure,
  failure,
  type Issue,
  type IssueParams,
  type IssuePath,
  isEgovError,
  makeIssue,
  ok,
  type Result,
} from './errors.js';
export { RULE_CODES, type RuleCode, ruleMessage } from './messages.js';
export { closestKey, editDistance } from './suggest.js';

// Vietnamese text
export { foldForSearch, normalizeVietnamese, type NormalizeOptions, type ToneStyle } from './text/normalize.js';
export { foldClassification, isSecretClassification, secrecyLevelOf } from './text/secrecy.js';
export {
  detectLegacyEncoding,
  type EncodingGuess,
  fromUnicode,
  LEGACY_ENCODINGS,
  type LegacyEncoding,
  toUnicode,
  type ToUnicodeOptions,
} from './text/legacy.js';

// Civil dates and Việt Nam time (UTC+07:00)
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
export { TIME_MESSAGES, type TimeIssueCode } from './time/messages.js';

// Exchange status codes (edXML status packages) and their order
export {
  CHAIN_STATUS_CODES,
  canRecordStatus,
  checkStatusTransition,
  isStatusCode,
  REQUEST_STATUS_CODES,
  STATUS_CODES,
  STATUS_INFO,
  type StatusCode,
  type StatusIssueCode,
  statusLabel,
  statusRank,
  type StatusTransition,
  statusTransition,
} from './exchange/status.js';

// Document numbers, place and date, types and register numbering (the zod-free part of the document model)
export {
  COPY_KIND_KEYS,
  COPY_KINDS,
  type CopyKindKey,
  DOCUMENT_TYPE_KEYS,
  DOCUMENT_TYPES,
  documentType,
  documentTypeByAbbreviation,
  type DocumentTypeInfo,
  type DocumentTypeKey,
  isTypeAbbreviation,
  LEGAL_NORMATIVE_ABBREVIATIONS,
} from './document/types.js';
export {
  CODE_NOTATION_MAX_LENGTH,
  CODE_NUMBER_MAX_LENGTH,
  documentSymbol,
  type DocumentNumberParts,
  formatDocumentNumber,
  type FormatDocumentNumberOptions,
  padDocumentNumber,
  parseDocumentNumber,
  safeParseDocumentNumber,
} from './document/number.js';
export {
  formatDayMonth,
  formatIssuedPlaceDate,
  type IssuedPlaceDate,
  parseIssuedPlaceDate,
  safeFormatIssuedPlaceDate,
} from './document/place-date.js';
export {
  nextRegisterNumber,
  registerKey,
  type RegisterRequest,
  type RegisterResult,
  type RegisterSeries,
  type RegisterState,
} from './document/register.js';

// Agencies
export {
  AGENCY_CODE_LENGTH,
  AGENCY_CODE_PATTERN,
  AGENCY_CODE_RE,
  type AgencyCode,
  type AgencyCodeClass,
  type AgencyCodeIssueCode,
  type AgencyCodeParts,
  classifyAgencyCode,
  formatAgencyCode,
  isAgencyCode,
  parseAgencyCode,
  type ParseAgencyCodeOptions,
  safeParseAgencyCode,
} from './agency/code.js';
export { isOfficialEmail, normalizeOfficialEmail, parseOfficialEmail } from './agency/email.js';
