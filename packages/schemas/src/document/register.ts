// Register numbering (Điều 15; Phụ lục I): numbers run per issuer from 01 on 1 January to 31 December. Secret
// documents have their own series; legal normative documents one series per type; copies (SY/TrS/SL) one shared
// series; incoming documents their own (ArrivalNumber). A pure function: the state in, the next number and the new
// state out, so any storage (memory, a database row) can hold it.
import type { CivilDate, DateInput } from '../time/civil-date.js';
import { toCivilDate } from '../time/civil-date.js';
import type { Lang } from '../i18n.js';

export type RegisterSeries = 'ordinary' | 'secret' | 'legal' | 'copy' | 'incoming';

/** The last number used in each register, keyed by `registerKey`. */
export type RegisterState = Readonly<Record<string, number>>;

export interface RegisterRequest {
  /** The body that keeps the register (its agency code or abbreviation; advisory councils have their own). */
  issuer: string;
  series: RegisterSeries;
  /** The registration date: its year selects the register. */
  date: DateInput;
  /** For the `legal` series: the type abbreviation (each type of legal normative document has its own series). */
  typeAbbreviation?: string;
}

/** The key of the register a request belongs to. */
export function registerKey(request: Omit<RegisterRequest, 'date'> & { year: number }): string {
  const type = request.series === 'legal' ? `|${request.typeAbbreviation ?? ''}` : '';
  return `${request.issuer}|${request.series}|${request.year}${type}`;
}

export interface RegisterResult {
  number: number;
  year: number;
  key: string;
  state: RegisterState;
}

/**
 * The next number in a register. `nextRegisterNumber({}, { issuer: 'UBND', series: 'ordinary', date: '2026-01-01' })`
 * gives number 1; numbering starts again at 1 every 1 January. Throws `EgovError` for a bad date.
 */
export function nextRegisterNumber(state: RegisterState, request: RegisterRequest, options: { lang?: Lang } = {}): RegisterResult {
  const date: CivilDate = toCivilDate(request.date, { lang: options.lang, path: ['date'] });
  const key = registerKey({ ...request, year: date.year });
  const number = (state[key] ?? 0) + 1;
  return { number, year: date.year, key, state: { ...state, [key]: number } };
}
