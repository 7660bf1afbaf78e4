// Named prepared statements for node-postgres: a Client class for pg.Pool that runs Kysely's queries (a statement
// text and its parameters) as statements PostgreSQL parses and plans once per connection, instead of once per query.
import pg from 'pg';

/** Statements that may be prepared: data queries (never DDL, SET, LISTEN or transaction control). */
const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;
/** PostgreSQL's `feature_not_supported`, as it reports "cached plan must not change result type" after DDL. */
const PLAN_CHANGED = '0A000';

/**
 * A `pg.Client` subclass for `new pg.Pool({ Client })`: a query given as a text and an array of values runs as a named
 * prepared statement (named in the order the texts are first seen), so each connection parses and plans it once. At most `max`
 * distinct texts per process are prepared (texts with a varying shape, e.g. `in ($1, …, $n)` lists of every length,
 * do not fill PostgreSQL's memory); the others run unnamed as before.
 *
 * A table changed under a prepared statement so that its result has other columns (a migration of another instance)
 * makes PostgreSQL refuse it with "cached plan must not change result type": that query is run again unnamed and its
 * text is never prepared again by this process.
 */
export function preparingClient(max: number): typeof pg.Client {
  /** Text → statement name ('' once refused). */
  const names = new Map<string, string>();
  const nameOf = (text: string): string | undefined => {
    const known = names.get(text);
    if (known !== undefined) return known || undefined;
    if (names.size >= max || !PREPARABLE.test(text)) return undefined;
    // numbered in the order first seen: unique within the pool (each connection of it learns the same names)
    const name = `egov_p${names.size + 1}`;
    names.set(text, name);
    return name;
  };
  class PreparingClient extends pg.Client {
    // pg's overloads (callback, config object, Submittable) are passed through untouched.
    // @ts-expect-error -- one implementation for every overload of Client#query
    override query(config: unknown, values?: unknown, callback?: unknown): unknown {
      if (typeof config === 'string' && Array.isArray(values) && callback === undefined) {
        const name = nameOf(config);
        if (name) {
          const named = super.query({ name, text: config, values }) as Promise<pg.QueryResult>;
          return named.catch((e: unknown) => {
            if ((e as { code?: string }).code !== PLAN_CHANGED) throw e;
            names.set(config, '');
            return super.query(config, values);
          });
        }
      }
      // @ts-expect-error -- forwarded as given
      return super.query(config, values, callback);
    }
  }
  return PreparingClient as unknown as typeof pg.Client;
}
