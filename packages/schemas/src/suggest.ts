// "Did you mean …?": the known key closest to a key the model does not have, for the unknown-key issue.

/** Edit distance (insertions, deletions, substitutions) between two strings, by UTF-16 code unit. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The known key a person most likely meant by `key`, or `undefined` when none is close: compared without case, a
 * known key that starts with `key` or that `key` starts with (`parent` → `parentName`), else the nearest by edit
 * distance within a third of the longer key (at least 1: `sujbect` → `subject`, `fulName` → `fullName`).
 */
export function closestKey(key: string, known: readonly string[]): string | undefined {
  const wanted = key.toLowerCase();
  if (wanted.length === 0) return undefined;
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const name = candidate.toLowerCase();
    // A prefix relation counts as a near match (score below any edit), shorter difference first.
    const prefix = wanted.length >= 3 && (name.startsWith(wanted) || wanted.startsWith(name));
    const distance = editDistance(wanted, name);
    const limit = Math.max(1, Math.floor(Math.max(wanted.length, name.length) / 3));
    const score = prefix ? Math.abs(name.length - wanted.length) / 1000 : distance <= limit ? distance : Number.POSITIVE_INFINITY;
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}
