// @egov-vn/schemas — the administrative document model of Nghị định 30/2020/NĐ-CP, agency codes and Vietnamese
// text (TCVN 6909:2001). Framework-free; runs in Node and browsers.

// Everything that does not need zod (also the entry `@egov-vn/schemas/core`)
export * from './core.js';

// Validation with zod: results and messages in Vietnamese or English
export { errorMap, validate, type ValidationIssueCode } from './validate.js';
export { enableStrictCsp } from './zod-config.js';

// Document model
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

