// Test helpers for element packages (browser tests only): `import { expectAxeClean } from '@egov-vn/elements-core/testing'`.
import axe from 'axe-core';
import type { AxeResults, Result, RunOptions } from 'axe-core';

export { catalogueProblems } from './translations.js';

/**
 * The WCAG levels every egov-vn element is tested against: WCAG 2.0, 2.1 and 2.2, levels A and AA. axe only runs
 * some 2.2 rules (target-size, 2.5.8) when their tag is asked for, so every axe run of the kit (element tests, the
 * Storybook story tests, the portal journey) takes its tags from here.
 */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

/** The axe run options of the kit: the WCAG 2.2 A/AA tags plus axe's best practices. */
export const axeRunOnly: { type: 'tag'; values: string[] } = { type: 'tag', values: [...wcagTags, 'best-practice'] };

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
 * an element is checked on its own. By default the rules of {@link axeRunOnly} run (WCAG 2.2 A/AA and best practices);
 * `options.runOnly` narrows them.
 */
export async function expectAxeClean(element: Element, options: RunOptions = {}): Promise<AxeResults> {
  const run = queue.then(() =>
    axe.run(element, {
      resultTypes: ['violations'],
      runOnly: axeRunOnly,
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
