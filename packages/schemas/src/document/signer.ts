// Quyền hạn, chức vụ, họ tên người ký (Phụ lục I, II.7): the authority prefix (TM., Q., KT., TL., TUQ.), the
// position, and the full name, without academic titles before it.
import { z } from 'zod';
import { EgovError, type Issue, makeIssue } from '../errors.js';
import { ruleMessage } from '../messages.js';
import { ruleIssue } from '../rules.js';
import type { Lang } from '../i18n.js';
import { zodIssueText } from '../zod-messages.js';

/**
 * TM. on behalf of a collective · Q. acting head · KT. deputy signing for the head · TL. by order ·
 * TUQ. by delegated authority.
 */
export const SIGNING_AUTHORITIES = ['TM', 'Q', 'KT', 'TL', 'TUQ'] as const;
export type SigningAuthority = (typeof SIGNING_AUTHORITIES)[number];

const TITLES = /^(?:GS|PGS|TS|TSKH|ThS|CN|KS|BS|Ths|Th\.S)\.?\s+/u;

export const SignerSchema = z
  .strictObject({
    /** The authority prefix, when the signer does not sign in their own right. */
    authority: z.enum(SIGNING_AUTHORITIES).optional(),
    /** For TM.: the collective ("Ủy ban nhân dân"); for KT./TL./TUQ.: the head's title ("Chủ tịch", "Bộ trưởng"). */
    onBehalfOf: z.string().min(1).max(200).optional(),
    /** Chức vụ: SignerInfo.Position String(100) in Phụ lục VI. */
    position: z.string().min(1).max(100),
    /** Họ tên: SignerInfo.FullName String(50) in Phụ lục VI. */
    fullName: z.string().min(1).max(50),
  })
  .superRefine((signer, ctx) => {
    const needsHead = signer.authority !== undefined && signer.authority !== 'Q';
    if (needsHead && !signer.onBehalfOf) {
      ctx.addIssue({ code: 'custom', path: ['onBehalfOf'], params: { rule: 'signer.onBehalfOf', authority: signer.authority } });
    }
    if (TITLES.test(signer.fullName)) {
      ctx.addIssue({ code: 'custom', path: ['fullName'], params: { rule: 'signer.academicTitle' } });
    }
  });
export type Signer = z.input<typeof SignerSchema>;

function upper(text: string): string {
  return text.normalize('NFC').trim().toLocaleUpperCase('vi');
}

/**
 * The text lines of the signer block, top to bottom, without the blank space for the signature:
 * `{ authority: 'KT', onBehalfOf: 'Chủ tịch', position: 'Phó Chủ tịch', fullName: 'Bùi Văn Hạnh' }` gives
 * `['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Bùi Văn Hạnh']`. Throws `EgovError` when the signer breaks a rule.
 */
export function formatSignerBlock(signer: Signer, options: { lang?: Lang } = {}): string[] {
  // The natural messages are written by the error map (the raw issue has the input); both languages kept in order.
  const texts: ReturnType<typeof zodIssueText>[] = [];
  const parsed = SignerSchema.safeParse(signer, {
    error: (issue) => {
      const text = zodIssueText(issue);
      texts.push(text);
      return text.vi;
    },
  });
  if (!parsed.success) {
    const issues: Issue[] = parsed.error.issues.map((issue, i) => {
      const path = issue.path as (string | number)[];
      if (issue.code === 'custom') {
        const params = issue.params ?? {};
        return ruleIssue(params['rule'] as 'signer.onBehalfOf' | 'signer.academicTitle', params, path, options.lang);
      }
      const field = path.join('.');
      return makeIssue('signer.field', texts[i] ?? ruleMessage('signer.field', { field }), { path, params: { field }, lang: options.lang });
    });
    throw new EgovError(issues);
  }
  const s = parsed.data;
  const name = s.fullName.normalize('NFC');
  if (s.authority === 'Q') return [`Q. ${upper(s.position)}`, name];
  if (s.authority) return [`${s.authority}. ${upper(s.onBehalfOf!)}`, upper(s.position), name];
  return [upper(s.position), name];
}
