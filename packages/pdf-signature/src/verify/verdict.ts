/**
 * The verdict a receiving clerk reads, derived from a signature's indication and checks (one place for the rule,
 * used by `verifyPdf` to fill `SignatureReport.verdict`):
 * - `valid`: TOTAL_PASSED;
 * - `modified`: failed because the document was changed after signing (`UndefinedChanges` or `DocMDP` failed);
 * - `valid-untrusted`: intact, but the chain does not reach a trust anchor (INDETERMINATE/NO_CERTIFICATE_CHAIN_FOUND);
 * - `indeterminate`: any other INDETERMINATE (e.g. certificate expired and no trusted timestamp);
 * - `invalid`: any other TOTAL_FAILED.
 */
import type { Check, Indication, SubIndication, Verdict } from './report.js';

/** Every verdict, from best to worst. */
export const VERDICTS: readonly Verdict[] = ['valid', 'valid-untrusted', 'modified', 'indeterminate', 'invalid'];

const CHANGE_CHECKS = new Set(['UndefinedChanges', 'DocMDP']);

export function verdictOf(signature: { readonly indication: Indication; readonly subIndication?: SubIndication; readonly checks: readonly Check[] }): Verdict {
  if (signature.indication === 'TOTAL_PASSED') return 'valid';
  if (signature.checks.some((c) => !c.passed && c.level === 'FAIL' && CHANGE_CHECKS.has(c.id))) return 'modified';
  if (signature.indication === 'INDETERMINATE') return signature.subIndication === 'NO_CERTIFICATE_CHAIN_FOUND' ? 'valid-untrusted' : 'indeterminate';
  return 'invalid';
}
