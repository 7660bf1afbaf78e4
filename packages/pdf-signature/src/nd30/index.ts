/**
 * @egov-vn/pdf-signature/nd30 — Nghị định 30/2020/NĐ-CP for signed documents: the signing rules (kinds, reasons,
 * appearance per kind), `checkNd30` (the Phụ lục I rules a machine can check) and `makeElectronicCopy`
 * (sao y điện tử: scans → PDF/A-2b at 100 %, signed with the copy stamp).
 */
export {
  signatureKinds,
  kindReasons,
  kindCertificate,
  copyKindWords,
  nd30Appearance,
  type SignatureKind,
  type CopyKindCode,
  type AppearanceInput,
} from './rules.js';
export {
  checkNd30,
  certificateKind,
  hasErrors,
  nd30FindingCodes,
  type Nd30FindingCode,
  type Nd30Severity,
  type Nd30Finding,
  type Nd30Check,
  type CheckNd30Options,
  type CertificateKind,
} from './check.js';
export { makeElectronicCopy, type ElectronicCopyOptions, type ElectronicCopy, type CopyErrorCode } from './copy.js';
export { readScan, readScans, type ScanPage } from './scan.js';
