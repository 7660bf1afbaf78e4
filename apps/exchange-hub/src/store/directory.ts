// The directory: systems (secrets, how their axis timestamps are read) and the agencies they serve, cached in the
// process; the seed; the agency listing, registration and deletion of both APIs.
import type { Agency, AgencyPage } from '@egov-vn/exchange-api';
import { foldForSearch } from '@egov-vn/schemas';
import type { Kysely, Selectable } from 'kysely';
import type { AgencyTable, Database } from '../db.js';
import { HubError } from '../hub-error.js';
import { iso } from './rows.js';
import type { AxisTimeZone, Caller, Seed, SystemEntry } from './types.js';

function agencyOf(row: Selectable<AgencyTable>): Agency {
  return {
    code: row.code,
    name: row.name,
    email: row.email,
    endpoint: row.endpoint,
    parentCode: row.parent_code,
    systemId: row.system_id,
    updatedAt: iso(row.updated_at),
  };
}

export class Directory {
  /** systemId → secret, agencies; refreshed from the database on a miss. */
  #systems = new Map<string, SystemEntry>();
  #unknownSystems = new Set<string>();
  #agencyCodes: Set<string> | undefined;

  constructor(readonly db: Kysely<Database>) {}

  /** Adds (or updates) the systems and agencies of a seed. */
  async seed(seed: Seed): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      for (const s of seed.systems) {
        await tx
          .insertInto('systems')
          .values({ id: s.systemId, secret: s.secret, time_zone: s.timeZone ?? 'either' })
          .onConflict((oc) => oc.column('id').doUpdateSet({ secret: s.secret, time_zone: s.timeZone ?? 'either' }))
          .execute();
        for (const a of s.agencies) {
          await tx
            .insertInto('agencies')
            .values({ code: a.code, name: a.name, email: a.email ?? null, system_id: s.systemId, updated_at: new Date(), registered_at: new Date() })
            .onConflict((oc) =>
              oc.column('code').doUpdateSet({ name: a.name, email: a.email ?? null, system_id: s.systemId }),
            )
            .execute();
        }
      }
    });
    this.#systems.clear();
    this.#unknownSystems.clear();
    this.#agencyCodes = undefined;
  }

  async system(systemId: string): Promise<SystemEntry | undefined> {
    const cached = this.#systems.get(systemId);
    if (cached) return cached;
    // Unknown ids are remembered too (bounded), so that a stranger costs what a known system costs: no database round
    // trip tells them apart by time. Systems change only through the seed, which clears both caches.
    if (this.#unknownSystems.has(systemId)) return undefined;
    const row = await this.db.selectFrom('systems').select(['secret', 'time_zone']).where('id', '=', systemId).executeTakeFirst();
    if (!row) {
      if (this.#unknownSystems.size >= 10_000) this.#unknownSystems.clear();
      this.#unknownSystems.add(systemId);
      return undefined;
    }
    const agencies = await this.db.selectFrom('agencies').select('code').where('system_id', '=', systemId).execute();
    const entry: SystemEntry = { secret: row.secret, agencies: new Set(agencies.map((a) => a.code)), timeZone: row.time_zone as AxisTimeZone };
    this.#systems.set(systemId, entry);
    return entry;
  }

  /** The codes not in the directory (cached; a miss reloads it, deleting an agency drops the cache). */
  async unknownAgencies(codes: string[]): Promise<string[]> {
    if (!this.#agencyCodes || codes.some((c) => !this.#agencyCodes?.has(c))) {
      const rows = await this.db.selectFrom('agencies').select('code').execute();
      this.#agencyCodes = new Set(rows.map((r) => r.code));
    }
    const known = this.#agencyCodes;
    return codes.filter((c) => !known.has(c));
  }

  async agencies(q: { q?: string; cursor?: string; limit: number }): Promise<AgencyPage> {
    const after = q.cursor ? Buffer.from(q.cursor, 'base64url').toString() : '';
    const rows = await this.db.selectFrom('agencies').selectAll().where('code', '>', after).orderBy('code').execute();
    const needle = q.q ? foldForSearch(q.q) : '';
    const matching = needle
      ? rows.filter((r) => r.code.toLowerCase().includes(needle) || foldForSearch(r.name).includes(needle))
      : rows;
    const page = matching.slice(0, q.limit);
    const last = page.at(-1);
    return {
      items: page.map(agencyOf),
      nextCursor: matching.length > q.limit && last ? Buffer.from(last.code).toString('base64url') : null,
    };
  }

  async agency(code: string): Promise<Agency> {
    const row = await this.db.selectFrom('agencies').selectAll().where('code', '=', code).executeTakeFirst();
    if (!row) throw new HubError('NOT_FOUND');
    return agencyOf(row);
  }

  async registerAgency(
    caller: Caller,
    code: string,
    input: { name: string; email: string; endpoint?: string; parentCode?: string },
  ): Promise<Agency> {
    const existing = await this.db.selectFrom('agencies').select('system_id').where('code', '=', code).executeTakeFirst();
    if (existing && existing.system_id !== caller.systemId) {
      throw new HubError('FORBIDDEN', undefined, {
        vi: 'Cơ quan này do hệ thống khác quản lý.',
        en: 'This agency is served by another system.',
      });
    }
    const values = {
      name: input.name,
      email: input.email,
      endpoint: input.endpoint ?? null,
      parent_code: input.parentCode ?? null,
      updated_at: new Date(),
    };
    const row = await this.db
      .insertInto('agencies')
      .values({ code, system_id: caller.systemId, registered_at: new Date(), ...values })
      .onConflict((oc) => oc.column('code').doUpdateSet(values))
      .returningAll()
      .executeTakeFirstOrThrow();
    this.#systems.delete(caller.systemId);
    this.#agencyCodes?.add(code);
    return agencyOf(row);
  }

  async deleteAgency(systemId: string, code: string): Promise<void> {
    const row = await this.db.selectFrom('agencies').select('system_id').where('code', '=', code).executeTakeFirst();
    if (!row) throw new HubError('NOT_FOUND', { agency: code });
    if (row.system_id !== systemId) {
      throw new HubError('FORBIDDEN', undefined, {
        vi: 'Cơ quan này do hệ thống khác quản lý.',
        en: 'This agency is served by another system.',
      });
    }
    await this.db.deleteFrom('agencies').where('code', '=', code).execute();
    this.#systems.delete(systemId);
    this.#agencyCodes = undefined;
  }
}
