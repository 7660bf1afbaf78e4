// Official e-mail addresses of state bodies: `<mailbox>@<unit>.gov.vn` (the .gov.vn zone is reserved to Party and
// State bodies). Normalised to lower-case ASCII; Unicode domains must be given in their punycode (xn--) form.
import { type Result, unwrap } from '../errors.js';
import { fail } from '../rules.js';
import type { Lang } from '../i18n.js';

const LOCAL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** Validates and normalises an official address. Never throws. */
export function normalizeOfficialEmail(input: string, options: { lang?: Lang } = {}): Result<string> {
  const { lang } = options;
  if (typeof input !== 'string') return fail('email.format', { email: String(input) }, [], lang);
  const text = input.normalize('NFC').trim().replace(/^mailto:/i, '').toLowerCase();
  const at = text.lastIndexOf('@');
  if (at <= 0 || at === text.length - 1 || text.length > 254) return fail('email.format', { email: input }, [], lang);
  const local = text.slice(0, at);
  const domain = text.slice(at + 1).replace(/\.$/, '');
  if (local.length > 64 || !LOCAL.test(local)) return fail('email.local', { email: input }, [], lang);
  const labels = domain.split('.');
  if (!labels.every((l) => LABEL.test(l))) return fail('email.domain', { email: input }, [], lang);
  if (labels.length < 3 || labels.at(-1) !== 'vn' || labels.at(-2) !== 'gov') {
    return fail('email.notGov', { email: input }, [], lang);
  }
  return { ok: true, value: `${local}@${labels.join('.')}` };
}

/** True when the address is a well-formed official (…@….gov.vn) address. */
export function isOfficialEmail(input: string): boolean {
  return normalizeOfficialEmail(input).ok;
}

/** Normalises an official address; throws `EgovError` (code `email.*`) when it is not one. */
export function parseOfficialEmail(input: string, options: { lang?: Lang } = {}): string {
  return unwrap(normalizeOfficialEmail(input, options));
}
