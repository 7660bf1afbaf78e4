// Nơi nhận (Phụ lục I, II.9): "Nơi nhận:" then one recipient a line, each starting with "- " and ending with ";",
// the last line "- Lưu: VT, <drafting unit> (<copies kept>)." ending with a full stop.
import { z } from 'zod';
import { EgovError, type Issue } from '../errors.js';
import { ruleIssue } from '../rules.js';
import type { Lang } from '../i18n.js';

export const RecipientSchema = z.strictObject({
  /** The recipient as written: "Bộ Nội vụ", "Các Sở, ban, ngành". */
  name: z.string().min(1).max(200),
  /** A purpose note in brackets: "để b/c", "để thực hiện". */
  note: z.string().min(1).max(100).optional(),
  /** The agency code (mã định danh) when the recipient is an agency reached electronically. */
  agencyCode: z.string().optional(),
});
export type Recipient = z.input<typeof RecipientSchema>;

export const ArchiveSchema = z.strictObject({
  /** The drafting unit's abbreviation ("VP", "TTĐT"); "VT" (the clerical office) is always written first. */
  draftingUnit: z.string().min(1).max(30).optional(),
  /** Copies kept, when the rules ask for it. */
  copies: z.number().int().positive().max(999).optional(),
});
export type Archive = z.input<typeof ArchiveSchema>;

export interface FormatRecipientsOptions {
  /** Start with "- Như trên;" (the addressees of "Kính gửi"). Default false. */
  asAbove?: boolean;
  /** The "Lưu:" line. Default `{}` (writes "- Lưu: VT."). */
  archive?: Archive;
  lang?: Lang;
}

function recipientText(r: Recipient): string {
  const name = r.name.normalize('NFC').trim();
  return r.note ? `${name} (${r.note.normalize('NFC').trim()})` : name;
}

/** The "Lưu:" line: "Lưu: VT, TTĐT (3)". */
export function formatArchiveLine(archive: Archive = {}): string {
  const unit = archive.draftingUnit ? `, ${archive.draftingUnit.normalize('NFC').trim()}` : '';
  const copies = archive.copies !== undefined ? ` (${archive.copies})` : '';
  return `Lưu: VT${unit}${copies}`;
}

/**
 * The lines of the "Nơi nhận" block:
 * `formatRecipients([{ name: 'Bộ trưởng', note: 'để b/c' }, { name: 'Các Thứ trưởng' }], { archive: { draftingUnit: 'TTĐT', copies: 3 } })`
 * → `['Nơi nhận:', '- Bộ trưởng (để b/c);', '- Các Thứ trưởng;', '- Lưu: VT, TTĐT (3).']`.
 * Throws `EgovError` on an empty recipient.
 */
export function formatRecipients(list: readonly (Recipient | string)[], options: FormatRecipientsOptions = {}): string[] {
  const recipients = list.map((r) => (typeof r === 'string' ? { name: r } : r));
  const issues: Issue[] = recipients.flatMap((r, i) => {
    const parsed = RecipientSchema.safeParse(r);
    return parsed.success && r.name.trim() !== '' ? [] : [ruleIssue('recipients.name', { index: i + 1 }, [i, 'name'], options.lang)];
  });
  if (options.archive) {
    const archive = ArchiveSchema.safeParse(options.archive);
    if (!archive.success) issues.push(ruleIssue('recipients.archive', {}, ['archive'], options.lang));
  }
  if (issues.length > 0) throw new EgovError(issues);
  const lines = ['Nơi nhận:'];
  if (options.asAbove) lines.push('- Như trên;');
  for (const r of recipients) lines.push(`- ${recipientText(r)};`);
  lines.push(`- ${formatArchiveLine(options.archive)}.`);
  return lines;
}

/**
 * The "Kính gửi:" block of a công văn, tờ trình or báo cáo: one addressee on the same line, several as a list.
 */
export function formatKinhGui(list: readonly (Recipient | string)[]): string[] {
  const names = list.map((r) => recipientText(typeof r === 'string' ? { name: r } : r));
  if (names.length === 1) return [`Kính gửi: ${names[0]!}.`];
  return ['Kính gửi:', ...names.map((n, i) => `- ${n}${i === names.length - 1 ? '.' : ';'}`)];
}
