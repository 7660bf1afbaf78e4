// A fast path for validation: most records are valid, and for a valid record zod's output equals its input when the
// schema has no transforms or defaults (the model's objects are closed: an unknown key is invalid, so a valid input
// has none). So before zod parses (and allocates a copy of every object),
// a predicate compiled once per schema from zod's own definition tree (zod/v4/core `_zod.def`, the surface zod
// offers to library authors) answers "valid" without allocating. Every check (min, max, regex, int, refine,
// superRefine) is zod's own, called through `_zod.check`, so no rule is written twice. Anything the compiler does not
// know answers UNKNOWN and zod decides; so does anything invalid, so messages always come from zod.
import type { z } from 'zod';

export const VALID = 0;
export const INVALID = 1;
export const UNKNOWN = 2;
type Verdict = typeof VALID | typeof INVALID | typeof UNKNOWN;
type Predicate = (value: unknown) => Verdict;

interface Check {
  _zod: { check: (payload: Payload) => unknown };
}
interface Payload {
  value: unknown;
  issues: unknown[];
}
interface Def {
  type: string;
  checks?: Check[];
  shape?: Record<string, Schema>;
  catchall?: Schema;
  element?: Schema;
  innerType?: Schema;
  options?: Schema[];
  getter?: () => Schema;
  check?: unknown;
}
interface Schema {
  _zod: { def: Def; values?: Set<unknown> };
}

// One payload object reused for every check call: checks only read `value` and push to `issues`.
const payload: Payload = { value: undefined, issues: [] };

function runChecks(checks: readonly Check[] | undefined, value: unknown): Verdict {
  if (!checks) return VALID;
  for (const check of checks) {
    payload.value = value;
    payload.issues.length = 0;
    const out = check._zod.check(payload);
    if (out instanceof Promise) return UNKNOWN;
    if (payload.issues.length > 0) return INVALID;
  }
  return VALID;
}

const cache = new WeakMap<object, Predicate>();

function compile(schema: Schema): Predicate {
  const cached = cache.get(schema);
  if (cached) return cached;
  // Placeholder for recursive schemas (z.lazy): resolved on first call.
  let compiled: Predicate | undefined;
  const forward: Predicate = (value) => (compiled ??= build(schema))(value);
  cache.set(schema, forward);
  compiled = build(schema);
  return forward;
}

function build(schema: Schema): Predicate {
  const def = schema._zod.def;
  const checks = def.checks && def.checks.length > 0 ? def.checks : undefined;
  switch (def.type) {
    case 'string':
      if (def.check !== undefined) return () => UNKNOWN; // string formats (email, url, …): let zod decide
      return (v) => (typeof v === 'string' ? runChecks(checks, v) : INVALID);
    case 'number':
      return (v) => (typeof v === 'number' && Number.isFinite(v) ? runChecks(checks, v) : INVALID);
    case 'boolean':
      return (v) => (typeof v === 'boolean' ? runChecks(checks, v) : INVALID);
    case 'enum':
    case 'literal': {
      const values = schema._zod.values;
      if (!values) return () => UNKNOWN;
      return (v) => (values.has(v) ? runChecks(checks, v) : INVALID);
    }
    case 'optional': {
      const inner = compile(def.innerType!);
      return (v) => (v === undefined ? VALID : inner(v));
    }
    case 'lazy': {
      let inner: Predicate | undefined;
      return (v) => (inner ??= compile(def.getter!()))(v);
    }
    case 'array': {
      const element = compile(def.element!);
      return (v) => {
        if (!Array.isArray(v)) return INVALID;
        for (const item of v) {
          const verdict = element(item);
          if (verdict !== VALID) return verdict;
        }
        return runChecks(checks, v);
      };
    }
    case 'union': {
      const options = def.options!.map(compile);
      return (v) => {
        let unknown = false;
        for (const option of options) {
          const verdict = option(v);
          if (verdict === VALID) return VALID;
          if (verdict === UNKNOWN) unknown = true;
        }
        return unknown ? UNKNOWN : INVALID;
      };
    }
    case 'object': {
      // z.strictObject: catchall never (an unknown key is invalid); z.object: no catchall (zod strips unknown keys,
      // so the output is a copy: zod decides); any other catchall: zod decides.
      const closed = def.catchall !== undefined && def.catchall._zod.def.type === 'never';
      if (def.catchall !== undefined && !closed) return () => UNKNOWN;
      const entries = Object.entries(def.shape!).map(([key, s]) => [key, compile(s)] as const);
      const keys = new Set(entries.map(([key]) => key));
      return (v) => {
        if (typeof v !== 'object' || v === null || Array.isArray(v)) return INVALID;
        const record = v as Record<string, unknown>;
        for (const [key, predicate] of entries) {
          const verdict = predicate(record[key]);
          if (verdict !== VALID) return verdict;
        }
        for (const key in record) if (!keys.has(key)) return closed ? INVALID : UNKNOWN; // the same for-in as zod's
        return runChecks(checks, v);
      };
    }
    default:
      return () => UNKNOWN; // defaults, transforms, pipes, records, …: zod decides
  }
}

/** VALID when `value` is valid and zod's output would equal it; INVALID or UNKNOWN send the caller to zod. */
export function fastVerdict(schema: z.ZodType, value: unknown): Verdict {
  return compile(schema as unknown as Schema)(value);
}
