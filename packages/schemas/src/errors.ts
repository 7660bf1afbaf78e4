import { z } from 'zod';
import en from 'zod/v4/locales/en.js';
import vi from 'zod/v4/locales/vi.js';
import { fieldLabel } from './field-labels.js';
import { type Language, type LocalizedText, resolveLanguage } from './i18n.js';
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

const locales = { vi: vi().localeError, en: en().localeError } as const;

type RawIssue = z.core.$ZodRawIssue;

function zodMessage(issue: RawIssue, lang: Language): string {
  if (issue.code === 'custom' && typeof issue.params?.['rule'] === 'string') {
    return ruleMessage(issue.params['rule'] as RuleCode, issue.params)[lang];
  }
  const fromLocale = locales[lang](issue as never);
  const text = typeof fromLocale === 'string' ? fromLocale : (fromLocale?.message ?? issue.code);
  const key = issue.path?.at(-1);
  const label = typeof key === 'string' ? fieldLabel(key) : undefined;
  return label ? `${label[lang]}: ${text}` : text;
}

/**
 * A zod error map that writes messages in the given language (Vietnamese by default) with our domain-rule texts.
 * Pass it to any schema of this package: `schema.safeParse(data, { error: errorMap('en') })`.
 */
export function errorMap(lang?: Language): z.core.$ZodErrorMap {
  const language = resolveLanguage(lang);
  return (issue) => zodMessage(issue, language);
}

/** Converts zod issues (already localised by `errorMap`) into our issue shape. */
function toIssues(error: z.ZodError): EgovIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    code: issue.code === 'custom' && typeof issue.params?.['rule'] === 'string' ? issue.params['rule'] : issue.code,
    message: issue.message,
  }));
}

/**
 * Validates `input` against one of this package's schemas (or any zod schema). Never throws for bad input:
 * the result lists every problem with its path, code and message in the requested language.
 */
export function validate<S extends z.ZodType>(
  schema: S,
  input: unknown,
  options: { lang?: Language } = {},
): Result<z.output<S>> {
  const parsed = schema.safeParse(input, { error: errorMap(options.lang) });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: toIssues(parsed.error) };
}

/** A custom zod issue for a domain rule, to use inside `superRefine`/`check`. */
export function ruleCheck(code: RuleCode, params: Record<string, unknown> = {}, path?: (string | number)[]) {
  return { code: 'custom' as const, params: { ...params, rule: code }, ...(path ? { path } : {}) };
}

export type { LocalizedText };
