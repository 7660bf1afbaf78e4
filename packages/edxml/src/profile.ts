// The two checking profiles. `strict` is the text of QCVN 102:2016 (what `buildEdxml` writes); `axis` is what the
// national axis and the systems connected to it exchange in practice: there only what breaks delivery is an error,
// and every known deviation of real traffic is a warning with its own code.
import { classifyAgencyCode } from '@egov-vn/schemas/core';
import type { EdxmlIssueCode, EdxmlSeverity } from './issues.js';

/** `strict`: the standard's text. `axis`: what the national axis carries (deviations are warnings). */
export type EdxmlProfile = 'axis' | 'strict';

/** The profiles, for option parsing and documentation. */
export const edxmlProfiles: readonly EdxmlProfile[] = ['axis', 'strict'];

/**
 * The deviations of real axis traffic from the standard's text, each with its own code: warnings in the `axis`
 * profile, errors in `strict`.
 */
export const deviationCodes = [
  'EDXML_UNDECLARED_PREFIX',
  'EDXML_BYTES_BEFORE_PROLOG',
  'EDXML_SIGNATURE_NOT_XMLDSIG',
  'EDXML_ATTACHMENT_PLACEHOLDER',
  'EDXML_BUSSINESS_DOCUMENT_ID_MISSING',
  'EDXML_ORGAN_ID_SYSTEM',
  'EDXML_ORGAN_ID_NULL',
  'EDXML_ORGAN_ID_SHORT',
  'EDXML_DOCUMENT_ID_UUID',
  'EDXML_CODE_NUMBER_TOO_LONG',
  'EDXML_ORGAN_NAME_EMPTY',
  'EDXML_CONTENT_TYPE_MISMATCH',
] as const satisfies readonly EdxmlIssueCode[];

export type EdxmlDeviationCode = (typeof deviationCodes)[number];

const deviations: ReadonlySet<EdxmlIssueCode> = new Set(deviationCodes);

/**
 * Conformance problems that stay errors in the `axis` profile: the manifest names an attachment that is not there
 * (the receiver cannot get the document), and a classified document (the law forbids sending it over the network).
 * Missing From/To (and their OrganId) are marked by the checker itself; reading errors (not XML, size limits, a
 * structure the model cannot hold) always fail.
 */
const axisErrors: ReadonlySet<EdxmlIssueCode> = new Set<EdxmlIssueCode>(['EDXML_CID_NO_ATTACHMENT', 'EDXML_SECRET_DOCUMENT']);

/** True for the codes of {@link deviationCodes}. */
export function isDeviation(code: EdxmlIssueCode): code is EdxmlDeviationCode {
  return deviations.has(code);
}

/**
 * The severity of a conformance finding under a profile. `critical` marks what breaks delivery (no sender, no
 * recipient, no status code): an error in both profiles.
 */
export function profileSeverity(code: EdxmlIssueCode, severity: EdxmlSeverity, profile: EdxmlProfile, critical = false): EdxmlSeverity {
  if (deviations.has(code)) return profile === 'strict' ? 'error' : 'warning';
  if (profile === 'axis' && severity === 'error' && !critical && !axisErrors.has(code)) return 'warning';
  return severity;
}

/** What an `OrganId` holds, as far as the checker cares. */
export type OrganIdKind =
  | { kind: 'code' }
  | { kind: 'short'; expected: string }
  | { kind: 'system' }
  | { kind: 'null' }
  | { kind: 'invalid' };

/**
 * Classifies the text of an `OrganId` with the agency-code parser of `@egov-vn/schemas`: a code exactly as QCVN 102
 * writes it, a short form (`01.02.G22`), a system id (`vxp.saas.03`), a literal `null` (or another word for nothing),
 * or anything else. A code that is only valid after normalising (lower case, spaces) is `invalid` here: the
 * standard's text is exact.
 */
export function classifyOrganId(value: string): OrganIdKind {
  const c = classifyAgencyCode(value);
  switch (c.kind) {
    case 'code':
      return c.code.code === value ? { kind: 'code' } : { kind: 'invalid' };
    case 'short':
      return { kind: 'short', expected: c.completed.code };
    case 'systemId':
      return { kind: 'system' };
    case 'empty':
      return value.trim() === '' ? { kind: 'invalid' } : { kind: 'null' };
    default:
      return { kind: 'invalid' };
  }
}
