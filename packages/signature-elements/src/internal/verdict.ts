import type { SignatureReport } from '@egov-vn/pdf-signature';

/**
 * The verdict a clerk reads, taken from the validator's report (no rule of its own):
 * - `valid`: TOTAL_PASSED;
 * - `modified`: failed because the document was changed after signing (`UndefinedChanges` or `DocMDP` failed);
 * - `untrusted`: cryptographically intact but the chain does not reach a trust anchor (NO_CERTIFICATE_CHAIN_FOUND);
 * - `indeterminate`: any other INDETERMINATE (e.g. certificate expired without a trusted timestamp);
 * - `invalid`: any other TOTAL_FAILED.
 */
export type Verdict = 'valid' | 'untrusted' | 'modified' | 'indeterminate' | 'invalid';

export const verdicts: readonly Verdict[] = ['valid', 'untrusted', 'modified', 'indeterminate', 'invalid'];

const changeChecks = new Set(['UndefinedChanges', 'DocMDP']);

export function verdictOf(s: SignatureReport): Verdict {
  if (s.indication === 'TOTAL_PASSED') return 'valid';
  if (s.checks.some((c) => !c.passed && c.level === 'FAIL' && changeChecks.has(c.id))) return 'modified';
  if (s.indication === 'INDETERMINATE') return s.subIndication === 'NO_CERTIFICATE_CHAIN_FOUND' ? 'untrusted' : 'indeterminate';
  return 'invalid';
}

/** One attribute (e.g. `O`, `CN`) of an RFC 4514-like subject string as the report prints it. */
export function subjectAttribute(subject: string | undefined, key: string): string | undefined {
  if (!subject) return undefined;
  for (const part of subject.split(/,(?=\s*[A-Za-z0-9.]+=)/)) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim().toUpperCase() === key.toUpperCase()) return part.slice(eq + 1).trim();
  }
  return undefined;
}
