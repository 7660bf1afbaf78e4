// zod integration: validation results and messages in Vietnamese (default) or English, with our domain rules.
import type { z } from 'zod';
import { failure, type Issue, type Result } from './errors.js';
import { fastVerdict, VALID } from './fast-path.js';
import { type Lang, type LocalizedText, resolveLanguage } from './i18n.js';
import { ruleMessage, type RuleCode } from './messages.js';
import { closestKey } from './suggest.js';
import { zodIssueText } from './zod-messages.js';

type RawIssue = z.core.$ZodRawIssue;

/**
 * The keys of the object schema that raised each `unrecognized_keys` issue, keyed by the issue's `keys` array (the
 * final issue keeps that array, while zod drops the schema): `toIssues` turns them into "did you mean" suggestions.
 */
const knownKeysOf = new WeakMap<readonly unknown[], string[]>();

function unknownKeyParams(key: string, known: readonly string[]): Record<string, unknown> {
  const suggestion = closestKey(key, known);
  return suggestion === undefined ? { key, known: known.join(', ') } : { key, suggestion, known: known.join(', ') };
}

/** The message of a raw zod issue in both languages: field named in words, what to do said (zod-messages.ts). */
function issueText(issue: RawIssue, lookup?: (message: string) => LocalizedText | undefined): LocalizedText {
  if (issue.code === 'unrecognized_keys') {
    const shape = (issue.inst as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def?.shape;
    const known = shape ? Object.keys(shape) : [];
    knownKeysOf.set(issue.keys, known);
    const texts = issue.keys.map((key) => ruleMessage('object.unknownKey', unknownKeyParams(key, known)));
    return { vi: texts.map((t) => t.vi).join(' '), en: texts.map((t) => t.en).join(' ') };
  }
  return zodIssueText(issue, lookup);
}

/**
 * A zod error map that writes messages in the given language (Vietnamese by default): every check's message names
 * the field in words and says what to do ("Họ tên người ký không được để trống."), domain rules use their own texts.
 * Pass it to any schema of this package: `schema.safeParse(data, { error: errorMap('en') })`.
 */
const errorMaps = {
  vi: (issue: RawIssue) => issueText(issue).vi,
  en: (issue: RawIssue) => issueText(issue).en,
} satisfies Record<Lang, z.core.$ZodErrorMap>;

export function errorMap(lang?: Lang): z.core.$ZodErrorMap {
  return errorMaps[resolveLanguage(lang)];
}

/** The codes `validate` reports: a domain rule of this package, or one of zod's issue codes (`too_big`, …). */
export type ValidationIssueCode = RuleCode | z.core.$ZodIssue['code'];

/** Converts zod issues (already localised by the error map) into our issue shape, with both languages. */
function toIssues(error: z.ZodError, lang: Lang, texts: ReadonlyMap<string, LocalizedText>): Issue<ValidationIssueCode>[] {
  return error.issues.flatMap((issue): Issue<ValidationIssueCode>[] => {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    if (issue.code === 'unrecognized_keys') {
      // One issue per unknown key, located at the key itself, naming the closest known key.
      const known = knownKeysOf.get(issue.keys) ?? [];
      return issue.keys.map((key) => {
        const params = unknownKeyParams(key, known);
        const localized = ruleMessage('object.unknownKey', params);
        return { path: [...path, key], code: 'object.unknownKey', params, message: localized[lang], localized };
      });
    }
    const isRule = issue.code === 'custom' && typeof issue.params?.['rule'] === 'string';
    // What the message was built from: the rule's own params, or zod's (minimum, expected, keys, …).
    const { code: _code, path: _path, message: _message, input: _input, params: ruleParams, ...zodParams } = issue as z.core.$ZodIssue & {
      params?: Record<string, unknown>;
      input?: unknown;
    };
    const params: Record<string, unknown> = isRule ? { ...ruleParams } : zodParams;
    delete params['rule'];
    return [{
      path,
      code: isRule ? (issue.params['rule'] as RuleCode) : issue.code,
      params,
      message: issue.message,
      ...(texts.has(issue.message) ? { localized: texts.get(issue.message) } : {}),
    }];
  });
}

/**
 * Validates `input` against one of this package's schemas (or any zod schema). Never throws for bad input:
 * the result lists every problem with its path, code and message in the requested language.
 * When the input is valid and the schema has no transforms or defaults, the value returned is the input itself
 * (not a copy).
 *
 * The schemas of this package are closed: a key the model does not have (`issuer.parent` for `issuer.parentName`)
 * is refused, never silently dropped, with one `object.unknownKey` issue located at the key (`['issuer', 'parent']`)
 * whose params name the key and, when one is close, the known key meant (`suggestion: 'parentName'`).
 */
export function validate<S extends z.ZodType>(
  schema: S,
  input: unknown,
  options: { lang?: Lang } = {},
): Result<z.output<S>, ValidationIssueCode> {
  // Fast path: a valid input whose zod output would equal it is returned as it is (see fast-path.ts).
  if (fastVerdict(schema, input) === VALID) return { ok: true, value: input as z.output<S> };
  // Otherwise zod parses, writing the messages in the requested language.
  const lang = resolveLanguage(options.lang);
  // Both languages of each message are kept (by the text in the requested one) for the issues' `localized`.
  const texts = new Map<string, LocalizedText>();
  const error = (issue: RawIssue): string => {
    const text = issueText(issue, (message) => texts.get(message));
    texts.set(text[lang], text);
    return text[lang];
  };
  const localised = schema.safeParse(input, { error });
  return localised.success ? { ok: true, value: localised.data } : failure(toIssues(localised.error, lang, texts));
}
