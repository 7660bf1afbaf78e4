// The verdict itself comes with each signature of `@egov-vn/pdf-signature`'s report (`SignatureReport.verdict`):
// the elements only present it. This module keeps the presentation helpers.

/** One attribute (e.g. `O`, `CN`) of an RFC 4514-like subject string as the report prints it. */
export function subjectAttribute(subject: string | undefined, key: string): string | undefined {
  if (!subject) return undefined;
  for (const part of subject.split(/,(?=\s*[A-Za-z0-9.]+=)/)) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim().toUpperCase() === key.toUpperCase()) return part.slice(eq + 1).trim();
  }
  return undefined;
}
