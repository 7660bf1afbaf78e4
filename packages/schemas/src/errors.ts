// The one shape of problems, results and errors in the kit. Every package reports bad input as `Issue`s (code, path,
// params, message), returns `Result`s from its `safe…` functions and throws an `EgovError` (or a subclass) from the
// throwing ones. Each package exports the union of its codes as a string-literal type, so `switch (issue.code)` is
// checked by the compiler.
import { type Lang, type LocalizedText, resolveLanguage } from './i18n.js';

/** Location of a problem: object keys and array indexes from the root of the input (empty for the input itself). */
export type IssuePath = (string | number)[];

/** The values a message was built from (the text, the limit, …), for programs that write their own messages. */
export type IssueParams = Readonly<Record<string, unknown>>;

/** One problem found in an input: which rule (`code`), where (`path`), with what (`params`), and what to do. */
export interface Issue<C extends string = string> {
  /** A stable code, one of the package's code union (`documentNumber.format`, `EDXML_ORGAN_ID`, …). */
  code: C;
  /** Location of the problem: object keys and array indexes from the root of the input. */
  path: IssuePath;
  /** The values the message names. Empty when there are none. */
  params: IssueParams;
  /** The message in the requested language (Vietnamese by default), written for a person. */
  message: string;
  /** The message in both languages, when the producer has both (every rule of this package does). */
  localized?: LocalizedText;
}

/** The former name of {@link Issue} (the same type). Prefer `Issue`. */
export type EgovIssue = Issue;

/**
 * The result of a call that can fail on bad input. It never throws for bad input.
 * `errors` is the same array as `issues`, kept for code written against earlier versions.
 */
export type Result<T, C extends string = string, I extends Issue<C> = Issue<C>> =
  | { ok: true; value: T }
  | {
      ok: false;
      issues: I[];
      /** The same array as `issues`, kept for code written against 0.x. Prefer `issues`. */
      errors: I[];
    };

/**
 * The failed side of a {@link Result}. The third parameter lets a package carry richer issues (edxml's have a
 * severity and an XML location) in the one result shape.
 */
export type Failure<C extends string = string, I extends Issue<C> = Issue<C>> = Extract<Result<never, C, I>, { ok: false }>;

/** A successful result. */
export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

/** A failed result with the given issues. */
export function failure<C extends string = string, I extends Issue<C> = Issue<C>>(issues: I[]): Failure<C, I> {
  return { ok: false, issues, errors: issues };
}

/** Builds an issue from a bilingual message. */
export function makeIssue<C extends string>(
  code: C,
  text: LocalizedText,
  options: { path?: IssuePath; params?: IssueParams; lang?: Lang } = {},
): Issue<C> {
  return {
    code,
    path: options.path ?? [],
    params: options.params ?? {},
    message: text[resolveLanguage(options.lang)],
    localized: { vi: text.vi, en: text.en },
  };
}

function describeIssues(issues: readonly Issue[]): string {
  return issues.map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message)).join('\n');
}

export interface EgovErrorOptions<C extends string> {
  /** The error's code (default: the first issue's code). */
  code?: C;
  /** The message in both languages (default: built from the issues). */
  localized?: LocalizedText;
  /** Language of `message` (default: the package default, Vietnamese). */
  lang?: Lang;
  cause?: unknown;
}

/**
 * The base error of the kit, thrown by the throwing variants (`parse…`, `format…`) on bad input: typed (`code`),
 * located (`issues[].path`), localised (`message` in the requested language, `localized` in both).
 * Package errors (`CalendarError`, `DocumentPdfError`, …) extend it, so `err instanceof EgovError` catches them all.
 */
export class EgovError<C extends string = string> extends Error {
  override name = 'EgovError';
  readonly code: C;
  readonly issues: Issue<C>[];
  readonly localized: LocalizedText;

  constructor(issues: Issue<C>[], options: EgovErrorOptions<C> = {}) {
    const lang = resolveLanguage(options.lang);
    const localized = options.localized ?? {
      vi: describeIssues(issues.map((i) => ({ ...i, message: i.localized?.vi ?? i.message }))),
      en: describeIssues(issues.map((i) => ({ ...i, message: i.localized?.en ?? i.message }))),
    };
    const message = options.localized ? localized[lang] : describeIssues(issues);
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.issues = issues;
    this.code = options.code ?? (issues[0]?.code as C);
    this.localized = localized;
  }

  /** The message in a language. */
  text(lang?: Lang): string {
    return this.localized[resolveLanguage(lang)];
  }
}

/** True for an `EgovError` of any package (also across two copies of this package: checks the shape). */
export function isEgovError(value: unknown): value is EgovError {
  if (value instanceof EgovError) return true;
  if (!(value instanceof Error)) return false;
  const v = value as Partial<EgovError>;
  return typeof v.code === 'string' && Array.isArray(v.issues) && typeof v.localized === 'object';
}

/** Returns the value of a result, or throws an EgovError with its issues. */
export function unwrap<T, C extends string>(result: Result<T, C>): T {
  if (result.ok) return result.value;
  throw new EgovError<C>(result.issues);
}
