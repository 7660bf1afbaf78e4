export {
  attachmentFromBytes,
  attachmentFromStream,
  readAll,
  type EdxmlAttachment,
  type EdxmlAttachmentInfo,
} from './attachment.js';
export { decodeBase64, encodeBase64 } from './base64.js';
export {
  formatIssue,
  issueMessages,
  type EdxmlIssue,
  type EdxmlIssueCode,
  type EdxmlLang,
  type EdxmlLocation,
  type EdxmlSeverity,
} from './issues.js';
export * from './model.js';
export { parseEdxml, type EdxmlInput, type ParseOptions, type ParseResult } from './reader.js';
export { defaultLimits, type XmlLimits } from './tokenizer.js';
export { buildEdxml, buildEdxmlStream } from './writer.js';
export type { XmlElement } from './xml.js';
export {
  checkEdxml,
  checkEdxmlPackage,
  formatDocumentId,
  isEdxmlDate,
  isEdxmlTimestamp,
  parseDocumentId,
  type CheckOptions,
  type EdxmlCheckReport,
} from './check.js';
export {
  classifyOrganId,
  deviationCodes,
  edxmlProfiles,
  isDeviation,
  profileSeverity,
  type EdxmlDeviationCode,
  type EdxmlProfile,
  type OrganIdKind,
} from './profile.js';
export {
  bussinessDocTypes,
  priorityLabels,
  statusCodeInfo,
  statusCodes,
  steeringTypes,
  type StatusCodeInfo,
} from './status.js';
