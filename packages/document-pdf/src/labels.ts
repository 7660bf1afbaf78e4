// Texts the layout writes itself (not taken from the document), in Vietnamese as Nghị định 30/2020 prescribes, or in
// English for translated renderings.
import type { Lang } from './errors.js';

export interface Labels {
  readonly nationalTitle: string;
  readonly motto: string;
  readonly number: string;
  readonly subjectPrefix: string;
  readonly kinhGui: string;
  readonly recipients: string;
  readonly asAbove: string;
  readonly archive: string;
  readonly article: string;
  readonly appendix: string;
  readonly attachedTo: (what: string) => string;
  readonly decides: Partial<Record<string, string>>;
  readonly months: readonly string[] | undefined;
  readonly contact: { readonly address: string; readonly phone: string; readonly fax: string; readonly email: string; readonly website: string };
}

export const LABELS: Record<Lang, Labels> = {
  vi: {
    nationalTitle: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    motto: 'Độc lập - Tự do - Hạnh phúc',
    number: 'Số:',
    subjectPrefix: 'V/v',
    kinhGui: 'Kính gửi:',
    recipients: 'Nơi nhận:',
    asAbove: 'Như trên',
    archive: 'Lưu:',
    article: 'Điều',
    appendix: 'Phụ lục',
    attachedTo: (what) => `(Kèm theo ${what})`,
    decides: { quyetDinh: 'QUYẾT ĐỊNH:', nghiQuyet: 'QUYẾT NGHỊ:' },
    months: undefined,
    contact: { address: 'Địa chỉ:', phone: 'Điện thoại:', fax: 'Fax:', email: 'E-mail:', website: 'Website:' },
  },
  en: {
    nationalTitle: 'SOCIALIST REPUBLIC OF VIET NAM',
    motto: 'Independence - Freedom - Happiness',
    number: 'No.:',
    subjectPrefix: 'Re:',
    kinhGui: 'To:',
    recipients: 'Recipients:',
    asAbove: 'As above',
    archive: 'Filed:',
    article: 'Article',
    appendix: 'Appendix',
    attachedTo: (what) => `(Attached to ${what})`,
    decides: { quyetDinh: 'DECIDES:', nghiQuyet: 'RESOLVES:' },
    contact: { address: 'Address:', phone: 'Phone:', fax: 'Fax:', email: 'E-mail:', website: 'Website:' },
    months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  },
};

const ROMAN: readonly [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

/** Roman numerals, as appendices are numbered ("Phụ lục II"). */
export function roman(n: number): string {
  let out = '';
  let rest = n;
  for (const [value, sym] of ROMAN) {
    while (rest >= value) {
      out += sym;
      rest -= value;
    }
  }
  return out;
}
