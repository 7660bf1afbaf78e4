// zod integration: validation results and messages in Vietnamese (default) or English, with our domain rules.
import type { z } from 'zod';
import en from 'zod/v4/locales/en.js';
import vi from 'zod/v4/locales/vi.js';
import { failure, type Issue, type Result } from './errors.js';
import { fastVerdict, VALID } from './fast-path.js';
import { fieldLabel } from './field-labels.js';
import { type Lang, resolveLanguage } from './i18n.js';
import { ruleMessage, type RuleCode } from './messages.js';
import { closestKey } from './suggest.js';

const locales = { vi: vi().localeError, en: en().localeError } as const;

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

function zodMessage(issue: RawIssue, lang: Lang): string {
  if (issue.code === 'unrecognized_keys') {
    const shape = (issue.inst as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def?.shape;
    const known = shape ? Object.keys(shape) : [];
    knownKeysOf.set(issue.keys, known);
    return issue.keys.map((key) => ruleMessage('object.unknownKey', unknownKeyParams(key, known))[lang]).join(' ');
  }
  if (issue.code === 'custom' && typeof issue.params?.['rule'] === 'string') {
    // Refinements name the rule; the value they looked at fills the message.
    const value = typeof issue.input === 'string' || typeof issue.input === 'number' ? String(issue.input) : '';
    const text = ruleMessage(issue.params['rule'] as RuleCode, { value, code: value, ...issue.params })[lang];
    return issue.params['rule'] === 'text.blank' ? withLabel(issue, text, lang) : text;
  }
  const fromLocale = locales[lang](issue);
  const text = typeof fromLocale === 'string' ? fromLocale : (fromLocale?.message ?? issue.code);
  return withLabel(issue, text, lang);
}

/** Prefixes a message with the name users know the field by: "Trích yếu: …". */
function withLabel(issue: RawIssue, text: string, lang: Lang): string {
  const key = issue.path?.at(-1);
  const label = typeof key === 'string' ? fieldLabel(key) : undefined;
  return label ? `${label[lang]}: ${text}` : text;
}

/**
 * A zod error map that writes messages in the given language (Vietnamese by default) with our domain-rule texts.
 * Pass it to any schema of this package: `schema.safeParse(data, { error: errorMap('en') })`.
 */
const errorMaps = {
  vi: (issue: RawIssue) => zodMessage(issue, 'vi'),
  en: (issue: RawIssue) => zodMessage(issue, 'en'),
} satisfies Record<Lang, z.core.$ZodErrorMap>;

export function errorMap(lang?: Lang): z.core.$ZodErrorMap {
  return errorMaps[resolveLanguage(lang)];
}

/** Converts zod issues (already localised by `errorMap`) into our issue shape. */
/** The codes `validate` reports: a domain rule of this package, or one of zod's issue codes (`too_big`, …). */
export type ValidationIssueCode = RuleCode | z.core.$ZodIssue['code'];

function toIssues(error: z.ZodError, lang: Lang): Issue<ValidationIssueCode>[] {
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
  const localised = schema.safeParse(input, { error: errorMaps[lang] });
  return localised.success ? { ok: true, value: localised.data } : failure(toIssues(localised.error, lang));
}
