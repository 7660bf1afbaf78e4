// Messages of the domain rules, Vietnamese first, English available. Each names the field and the rule broken.
import type { LocalizedText } from './i18n.js';
import { TIME_MESSAGES } from './time/messages.js';

type Params = Record<string, unknown>;
const s = (p: Params, k: string): string => {
  const v = p[k];
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
};

const MESSAGES = {
  ...TIME_MESSAGES,
  'documentNumber.format': (p: Params) => ({
    vi: `Số, ký hiệu "${s(p, 'text')}" không đúng dạng "số/ký hiệu" (ví dụ 05/CT-UBND, 123/UBND-VP, 12/2020/NĐ-CP).`,
    en: `Number and symbol "${s(p, 'text')}" is not of the form "number/symbol" (e.g. 05/CT-UBND, 123/UBND-VP, 12/2020/NĐ-CP).`,
  }),
  'documentNumber.numberLength': (p: Params) => ({
    vi: `Số văn bản dài quá ${s(p, 'max')} chữ số (CodeNumber, Phụ lục VI).`,
    en: `The document number has more than ${s(p, 'max')} digits (CodeNumber, Appendix VI).`,
  }),
  'documentNumber.numberPositive': (p: Params) => ({
    vi: `Số văn bản "${s(p, 'text')}" phải là số nguyên dương (bắt đầu từ 01 mỗi năm).`,
    en: `Document number "${s(p, 'text')}" must be a positive whole number (starting at 01 each year).`,
  }),
  'documentNumber.symbolLength': (p: Params) => ({
    vi: `Ký hiệu văn bản dài quá ${s(p, 'max')} ký tự (CodeNotation, Phụ lục VI).`,
    en: `The document symbol is longer than ${s(p, 'max')} characters (CodeNotation, Appendix VI).`,
  }),
  'documentNumber.year': (p: Params) => ({
    vi: `Năm "${s(p, 'year')}" trong số văn bản không hợp lệ.`,
    en: `Year "${s(p, 'year')}" in the document number is not valid.`,
  }),
  'documentNumber.symbol': (p: Params) => ({
    vi: `Ký hiệu "${s(p, 'symbol')}" không hợp lệ: các nhóm chữ viết tắt nối bằng dấu gạch nối (-), không có khoảng trắng.`,
    en: `Symbol "${s(p, 'symbol')}" is not valid: abbreviation groups are joined by hyphens (-), without spaces.`,
  }),
  'documentNumber.symbolMismatch': (p: Params) => ({
    vi: `Ký hiệu "${s(p, 'symbol')}" không khớp với các thành phần: phải là "${s(p, 'expected')}".`,
    en: `Symbol "${s(p, 'symbol')}" does not match its parts: it should be "${s(p, 'expected')}".`,
  }),
  'table.cells': (p: Params) => ({
    vi: `Dòng ${s(p, 'row')} của bảng có ${s(p, 'cells')} ô, bảng có ${s(p, 'columns')} cột: mỗi dòng phải đủ số ô (ô trống ghi "").`,
    en: `Row ${s(p, 'row')} of the table has ${s(p, 'cells')} cells, the table has ${s(p, 'columns')} columns: every row needs one cell a column (an empty cell is "").`,
  }),
  'table.widths': (p: Params) => ({
    vi: `Bảng có ${s(p, 'columns')} cột nhưng khai báo ${s(p, 'count')} độ rộng cột.`,
    en: `The table has ${s(p, 'columns')} columns but ${s(p, 'count')} column widths.`,
  }),
  'table.align': (p: Params) => ({
    vi: `Bảng có ${s(p, 'columns')} cột nhưng khai báo căn lề cho ${s(p, 'count')} cột.`,
    en: `The table has ${s(p, 'columns')} columns but an alignment for ${s(p, 'count')}.`,
  }),
  'text.blank': () => ({
    vi: 'Không được để trống (chỉ có khoảng trắng).',
    en: 'Must not be blank (only white space).',
  }),
  'object.unknownKey': (p: Params) => {
    const suggestion = s(p, 'suggestion');
    return {
      vi: `Trường "${s(p, 'key')}" không có trong mô hình${suggestion ? `; có phải là "${suggestion}"?` : ` (các trường có: ${s(p, 'known')}).`}`,
      en: `Unknown field "${s(p, 'key')}"${suggestion ? `; did you mean "${suggestion}"?` : ` (known fields: ${s(p, 'known')}).`}`,
    };
  },
  'placeDate.place': () => ({
    vi: 'Thiếu địa danh nơi ban hành văn bản.',
    en: 'The place of issue is missing.',
  }),
  'placeDate.format': (p: Params) => ({
    vi: `"${s(p, 'text')}" không đúng dạng "Địa danh, ngày dd tháng mm năm yyyy".`,
    en: `"${s(p, 'text')}" is not of the form "Place, ngày dd tháng mm năm yyyy".`,
  }),
  'signer.onBehalfOf': (p: Params) => ({
    vi: `Người ký với quyền hạn ${s(p, 'authority')}. phải ghi rõ ký thay mặt/thay cho ai (ví dụ "Chủ tịch", "Ủy ban nhân dân").`,
    en: `A signer with authority ${s(p, 'authority')}. must say on whose behalf (e.g. "Chủ tịch", "Ủy ban nhân dân").`,
  }),
  'signer.academicTitle': () => ({
    vi: 'Không ghi học hàm, học vị trước họ tên người ký (Phụ lục I, Nghị định 30/2020).',
    en: 'No academic title may precede the signer\'s name (Appendix I, Decree 30/2020).',
  }),
  'signer.field': (p: Params) => ({
    vi: `Thông tin người ký không hợp lệ: ${s(p, 'field')}.`,
    en: `Signer information is not valid: ${s(p, 'field')}.`,
  }),
  'recipients.name': (p: Params) => ({
    vi: `Nơi nhận thứ ${s(p, 'index')} để trống.`,
    en: `Recipient ${s(p, 'index')} is empty.`,
  }),
  'recipients.archive': () => ({
    vi: 'Dòng "Lưu" không hợp lệ: đơn vị soạn thảo viết tắt và số bản lưu là số nguyên dương.',
    en: 'The "Lưu" line is not valid: an abbreviated drafting unit and a positive number of copies.',
  }),
  'legacy.inputType': (p: Params) => ({
    vi: `Bảng mã ${s(p, 'encoding')} cần đầu vào kiểu ${s(p, 'expected')}.`,
    en: `Encoding ${s(p, 'encoding')} needs an input of type ${s(p, 'expected')}.`,
  }),
  'legacy.encoding': (p: Params) => ({
    vi: `Bảng mã "${s(p, 'encoding')}" không được hỗ trợ (tcvn3, vni, viqr, viscii, cp1258).`,
    en: `Encoding "${s(p, 'encoding')}" is not supported (tcvn3, vni, viqr, viscii, cp1258).`,
  }),
  'agencyCode.format': (p: Params) => ({
    vi: `Mã định danh "${s(p, 'code')}" không đúng dạng 000.00.00.H49 (13 ký tự).`,
    en: `Agency code "${s(p, 'code')}" is not of the form 000.00.00.H49 (13 characters).`,
  }),
  'agencyCode.short': (p: Params) => ({
    vi: `Mã định danh "${s(p, 'code')}" ở dạng rút gọn; mã đầy đủ có 13 ký tự (${s(p, 'completed')}). Gọi với { complete: true } nếu muốn tự điền.`,
    en: `Agency code "${s(p, 'code')}" is in a short form; a full code has 13 characters (${s(p, 'completed')}). Pass { complete: true } to complete it.`,
  }),
  'status.unknown': (p: Params) => ({
    vi: `Mã trạng thái "${s(p, 'code')}" không có trong QCVN 102 (01–06, 13, 15, 16).`,
    en: `Status code "${s(p, 'code')}" is not one of QCVN 102's (01–06, 13, 15, 16).`,
  }),
  'status.backwards': (p: Params) => ({
    vi: `Không ghi được trạng thái ${s(p, 'next')} sau ${s(p, 'current')}: trạng thái xử lý không được lùi lại.`,
    en: `Status ${s(p, 'next')} cannot follow ${s(p, 'current')}: the processing status never goes back.`,
  }),
  'status.closed': (p: Params) => ({
    vi: `Không ghi được trạng thái ${s(p, 'next')}: văn bản đã ${s(p, 'current') === '02' ? 'bị từ chối (02)' : 'hoàn thành (06)'}.`,
    en: `Status ${s(p, 'next')} cannot be recorded: the document was already ${s(p, 'current') === '02' ? 'rejected (02)' : 'finished (06)'}.`,
  }),
  'email.format': (p: Params) => ({
    vi: `"${s(p, 'email')}" không phải địa chỉ thư điện tử.`,
    en: `"${s(p, 'email')}" is not an e-mail address.`,
  }),
  'email.local': (p: Params) => ({
    vi: `Phần trước @ của "${s(p, 'email')}" có ký tự không hợp lệ.`,
    en: `The part before @ in "${s(p, 'email')}" has characters that are not allowed.`,
  }),
  'email.domain': (p: Params) => ({
    vi: `Tên miền của "${s(p, 'email')}" không hợp lệ (tên miền tiếng Việt phải ở dạng xn--).`,
    en: `The domain of "${s(p, 'email')}" is not valid (internationalised domains must be in xn-- form).`,
  }),
  'email.notGov': (p: Params) => ({
    vi: `"${s(p, 'email')}" không phải thư điện tử công vụ (…@<đơn vị>.gov.vn).`,
    en: `"${s(p, 'email')}" is not an official address (…@<unit>.gov.vn).`,
  }),
  'document.subjectRequired': (p: Params) => ({
    vi: `${s(p, 'type')} phải có trích yếu nội dung.`,
    en: `A ${s(p, 'type')} must have a subject (trích yếu).`,
  }),
  'document.symbolType': (p: Params) => ({
    vi: `Ký hiệu "${s(p, 'symbol')}" của ${s(p, 'type')} phải bắt đầu bằng chữ viết tắt tên loại "${s(p, 'abbreviation')}-" (Phụ lục III).`,
    en: `The symbol "${s(p, 'symbol')}" of a ${s(p, 'type')} must start with the type abbreviation "${s(p, 'abbreviation')}-" (Appendix III).`,
  }),
  'document.symbolNoType': (p: Params) => ({
    vi: `${s(p, 'type')} không có chữ viết tắt tên loại: ký hiệu "${s(p, 'symbol')}" gồm tên cơ quan và đơn vị soạn thảo (ví dụ UBND-VP).`,
    en: `A ${s(p, 'type')} has no type abbreviation: symbol "${s(p, 'symbol')}" is the issuer and the drafting unit (e.g. UBND-VP).`,
  }),
  'document.symbolIssuer': (p: Params) => ({
    vi: `Ký hiệu "${s(p, 'symbol')}" không chứa chữ viết tắt của cơ quan ban hành "${s(p, 'issuer')}".`,
    en: `Symbol "${s(p, 'symbol')}" does not carry the issuer's abbreviation "${s(p, 'issuer')}".`,
  }),
} satisfies Record<string, (p: Params) => LocalizedText>;

export type RuleCode = keyof typeof MESSAGES;

/** The message of a domain rule in both languages. */
export function ruleMessage(code: RuleCode, params: Params = {}): LocalizedText {
  const make = (MESSAGES as Record<string, ((p: Params) => LocalizedText) | undefined>)[code];
  return make ? make(params) : { vi: `Vi phạm quy tắc ${code}.`, en: `Rule ${code} is broken.` };
}

/** Every rule code, for documentation and tests. */
export const RULE_CODES = Object.keys(MESSAGES) as RuleCode[];
