import { formatIsoDate, foldForSearch, todayInVietnam } from '@egov-vn/schemas';

/** A new record id: 24 random hex digits. */
export function newId(): string {
  const b = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

/** The folded text a record is searched by (diacritics and tone placement ignored). */
export function searchText(...parts: Array<string | null | undefined>): string {
  return foldForSearch(parts.filter((p): p is string => typeof p === 'string' && p !== '').join(' '));
}

/** A LIKE pattern that matches `text` anywhere, with its wildcards escaped. */
export function containsPattern(q: string): string {
  return `%${foldForSearch(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Today in Việt Nam as `yyyy-mm-dd`. */
export function vnToday(now: Date): string {
  return formatIsoDate(todayInVietnam(now));
}

/** Opaque keyset cursors. */
export function encodeCursor(values: Array<string | number>): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, kinds: Array<'string' | 'number'>): Array<string | number> | undefined {
  if (cursor === undefined) return undefined;
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === kinds.length && v.every((x, i) => typeof x === kinds[i])) return v as Array<string | number>;
  } catch {
    // fall through
  }
  return undefined;
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(d, (x) => x.toString(16).padStart(2, '0')).join('');
}

/** Urgency key from the edXML priority (0 thường, 1 khẩn, 2 thượng khẩn, 3–4 hỏa tốc). */
export function urgencyOfPriority(p: number | null | undefined): 'thuong' | 'khan' | 'thuongKhan' | 'hoaToc' {
  if (p === 1) return 'khan';
  if (p === 2) return 'thuongKhan';
  if (p === 3 || p === 4) return 'hoaToc';
  return 'thuong';
}

export function priorityOfUrgency(u: string | undefined): number {
  return u === 'khan' ? 1 : u === 'thuongKhan' ? 2 : u === 'hoaToc' ? 3 : 0;
}
