// Timing helpers shared by the packages' benchmark scripts (`pnpm bench`).

/**
 * The median of measurements (the upper one of the two middle values for an even count).
 * @param {readonly number[]} xs
 * @returns {number}
 */
export function median(xs) {
  const sorted = [...xs].sort((a, b) => a - b);
  return /** @type {number} */ (sorted[Math.floor(sorted.length / 2)]);
}

/**
 * The median time in ms of `runs` calls of `fn`, after `warmup` calls that are not timed.
 * @param {() => unknown} fn
 * @param {number} runs
 * @param {number} [warmup]
 * @returns {Promise<number>}
 */
export async function medianTime(fn, runs, warmup = 2) {
  for (let i = 0; i < warmup; i++) await fn();
  /** @type {number[]} */
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return median(times);
}
