// Test helpers for element packages (browser tests only): `import { expectAxeClean } from '@egov-vn/elements-core/testing'`.
import axe from 'axe-core';
import type { AxeResults, Result, RunOptions } from 'axe-core';

let queue: Promise<unknown> = Promise.resolve();

/** axe's target: one selector per frame, each a list of selectors into nested shadow roots. */
function selector(target: unknown): string {
  if (!Array.isArray(target)) return String(target);
  return target.map((part) => (Array.isArray(part) ? part.map(String).join(' >>> ') : String(part))).join(' | ');
}

function describeViolations(violations: Result[]): string {
  return violations
    .map((v) => {
      const targets = v.nodes
        .map((n) => `    ${selector(n.target)}\n      ${(n.failureSummary ?? '').replaceAll('\n', '\n      ')}`)
        .join('\n');
      return `  [${v.impact ?? 'unknown'}] ${v.id}: ${v.help} (${v.helpUrl})\n${targets}`;
    })
    .join('\n');
}

/**
 * Run axe-core on an element (its shadow DOM included) and reject with a readable list of violations when there is
 * any. Runs are queued: axe refuses to run twice at once. Page-level rules (landmarks, page title…) are off, since
 * an element is checked on its own.
 */
export async function expectAxeClean(element: Element, options: RunOptions = {}): Promise<AxeResults> {
  const run = queue.then(() =>
    axe.run(element, {
      resultTypes: ['violations'],
      ...options,
      rules: {
        region: { enabled: false },
        'page-has-heading-one': { enabled: false },
        'landmark-one-main': { enabled: false },
        ...options.rules,
      },
    }),
  );
  queue = run.catch(() => undefined);
  const results = await run;
  if (results.violations.length > 0) {
    throw new Error(
      `<${element.localName}> has ${results.violations.length} accessibility violation(s):\n${describeViolations(results.violations)}`,
    );
  }
  return results;
}
