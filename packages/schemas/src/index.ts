// @egov-vn/schemas — the administrative document model of Nghị định 30/2020/NĐ-CP, agency codes and Vietnamese
// text (TCVN 6909:2001). Framework-free; runs in Node and browsers.

// Languages, issues, results and errors: the one shape of each for the whole kit
export { getLanguage, isLang, type Lang, LANGS, type Language, localize, type LocalizedText, setLanguage } from './i18n.js';
export {
  EgovError,
  type EgovErrorOptions,
  type EgovIssue,
  failure,
  type Issue,
  type IssueParams,
  type IssuePath,
  isEgovError,
  makeIssue,
  ok,
  type Result,
} from './errors.js';
export { errorMap, validate, type ValidationIssueCode } from './validate.js';
export { RULE_CODES, type RuleCode, ruleMessage } from './messages.js';
export { enableStrictCsp } from './zod-config.js';

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
  formatVietnamDateTime,
  formatVietnamIso,
  fromVietnamDateTime,
  isEdxmlDate,
  isEdxmlTimestamp,
  parseEdxmlDate,
  parseEdxmlTimestamp,
  startOfVietnamDay,
  type TimestampIssueCode,
  type VietnamDateTime,
  vietnamDateTimeOf,
  vietnamDayRange,
} from './time/vietnam-time.js';

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

// Document model
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
export { formatSignerBlock, type Signer, SignerSchema, SIGNING_AUTHORITIES, type SigningAuthority } from './document/signer.js';
export {
  type Archive,
  ArchiveSchema,
  formatArchiveLine,
  formatKinhGui,
  formatRecipients,
  type FormatRecipientsOptions,
  type Recipient,
  RecipientSchema,
} from './document/recipients.js';
export {
  type AdministrativeDocument,
  AdministrativeDocumentSchema,
  AppendixSchema,
  CIRCULATION_NOTES,
  ContactSchema,
  type ContentBlock,
  type TableBlock,
  MAX_TABLE_COLUMNS,
  ContentBlockSchema,
  CopyInfoSchema,
  type DocumentContent,
  DocumentContentSchema,
  DrafterSchema,
  formatSubjectLine,
  isSecret,
  IssuerSchema,
  SECRECY_LABELS,
  SECRECY_LEVELS,
  type SecrecyLevel,
  textContent,
  TYPES_WITHOUT_SUBJECT,
  URGENCY_LABELS,
  URGENCY_LEVELS,
  type UrgencyLevel,
} from './document/document.js';
export {
  type IncomingRecord,
  IncomingRecordSchema,
  type OutgoingRecord,
  OutgoingRecordSchema,
  type WorkFile,
  workFileCode,
  WorkFileSchema,
} from './document/registration.js';
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
