// Issues of this package's domain rules: the code names the message (messages.ts), in the requested language.
import { failure, type IssuePath, makeIssue, type Issue, type Result } from './errors.js';
import type { Lang } from './i18n.js';
import { ruleMessage, type RuleCode } from './messages.js';

/** Builds a domain-rule issue in the requested language. */
export function ruleIssue<C extends RuleCode>(code: C, params: Record<string, unknown> = {}, path: IssuePath = [], lang?: Lang): Issue<C> {
  return makeIssue(code, ruleMessage(code, params), { path, params, lang });
}

/** A failed result with a single domain-rule issue. */
export function fail<T, C extends RuleCode = RuleCode>(code: C, params: Record<string, unknown> = {}, path: IssuePath = [], lang?: Lang): Result<T, C> {
  return failure([ruleIssue(code, params, path, lang)]);
}

