import { type Language, resolveLanguage } from './i18n.js';
import { ruleMessage, type RuleCode } from './messages.js';

/** One problem found in an input: where (path), which rule (code), and what to do (message). */
export interface EgovIssue {
  /** Location of the problem: object keys and array indexes from the root of the input. */
  path: (string | number)[];
  /** A stable code: a domain rule (`documentNumber.format`, …) or a zod issue code (`too_big`, …). */
  code: string;
  /** The message in the requested language (Vietnamese by default). */
  message: string;
}

/** The result of a call that can fail on bad input. It never throws for bad input. */
export type Result<T> = { ok: true; value: T } | { ok: false; errors: EgovIssue[] };

/** The error thrown by the throwing variants (`parse…`, `format…`) on bad input: typed, located, localised. */
export class EgovError extends Error {
  override readonly name = 'EgovError';
  readonly issues: EgovIssue[];
  constructor(issues: EgovIssue[]) {
    super(issues.map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message)).join('\n'));
    this.issues = issues;
  }
}

/** Builds a domain-rule issue in the requested language. */
export function ruleIssue(
  code: RuleCode,
  params: Record<string, unknown> = {},
  path: (string | number)[] = [],
  lang?: Language,
): EgovIssue {
  const language = resolveLanguage(lang);
  return { path, code, message: ruleMessage(code, params)[language] };
}

/** A failed result with a single domain-rule issue. */
export function fail<T>(
  code: RuleCode,
  params: Record<string, unknown> = {},
  path: (string | number)[] = [],
  lang?: Language,
): Result<T> {
  return { ok: false, errors: [ruleIssue(code, params, path, lang)] };
}

/** Returns the value of a result, or throws an EgovError with its issues. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new EgovError(result.errors);
}


