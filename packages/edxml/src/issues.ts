import type { Issue, Lang, LocalizedText } from '@egov-vn/schemas/core';

/** Where a problem is: 1-based line and column (in characters), byte offset, and the element path. */
export interface EdxmlLocation {
  /** Element path such as `/edXML/edXMLEnvelope/edXMLHeader/MessageHeader/From/OrganId`. */
  path: string;
  /** 1-based line, when the package was read from text. */
  line?: number;
  /** 1-based column in characters, when the package was read from text. */
  column?: number;
  /** Byte offset, when the package was read from text. */
  offset?: number;
}

/** Language of messages: the kit's one `Lang` (`@egov-vn/schemas`). */
export type EdxmlLang = Lang;
export type EdxmlSeverity = 'error' | 'warning';

/**
 * One problem found while reading or checking a package: the kit's one `Issue` shape (`code`, `path`, `params`,
 * `message`, `localized`) plus a severity and the XML location. `code` is stable across versions; `path` is the
 * element path as steps (`['edXML', 'edXMLEnvelope', …]`, empty when the problem has no place).
 */
export interface EdxmlIssue extends Issue<EdxmlIssueCode> {
  code: EdxmlIssueCode;
  severity: EdxmlSeverity;
  message: string;
  location?: EdxmlLocation;
  params: Record<string, string | number>;
  localized: LocalizedText;
}

type Template = (p: Record<string, string | number>) => string;
interface MessageDef {
  vi: Template;
  en: Template;
  severity?: EdxmlSeverity;
}

const v = (p: Record<string, string | number>, k: string): string => String(p[k] ?? '');

/** Every issue code with its Vietnamese and English message. */
export const issueMessages = {
  // Reading (XML level)
  XML_EMPTY: { vi: () => 'Dữ liệu rỗng, không có phần tử gốc.', en: () => 'The input is empty: no root element.' },
  XML_MALFORMED: {
    vi: (p) => `XML không hợp lệ: ${v(p, 'detailVi')}.`,
    en: (p) => `Malformed XML: ${v(p, 'detail')}.`,
  },
  XML_DOCTYPE_FORBIDDEN: {
    vi: () => 'Không chấp nhận khai báo DOCTYPE (DTD, thực thể) trong gói edXML.',
    en: () => 'A DOCTYPE (DTD, entities) is not allowed in an edXML package.',
  },
  XML_ENTITY_UNKNOWN: {
    vi: (p) => `Tham chiếu thực thể không được hỗ trợ: &${v(p, 'entity')};`,
    en: (p) => `Unsupported entity reference: &${v(p, 'entity')};`,
  },
  XML_ENCODING_UNSUPPORTED: {
    vi: (p) => `Bảng mã "${v(p, 'encoding')}" không được hỗ trợ; gói edXML phải dùng UTF-8.`,
    en: (p) => `Encoding "${v(p, 'encoding')}" is not supported; edXML packages are UTF-8.`,
  },
  XML_INVALID_UTF8: { vi: () => 'Chuỗi byte UTF-8 không hợp lệ.', en: () => 'Invalid UTF-8 byte sequence.' },
  XML_INVALID_CHAR: {
    vi: (p) => `Ký tự không hợp lệ trong XML (mã ${v(p, 'char')}).`,
    en: (p) => `Character not allowed in XML (code ${v(p, 'char')}).`,
  },
  XML_TAG_MISMATCH: {
    vi: (p) => `Thẻ đóng </${v(p, 'found')}> không khớp với thẻ mở <${v(p, 'expected')}>.`,
    en: (p) => `Closing tag </${v(p, 'found')}> does not match <${v(p, 'expected')}>.`,
  },
  XML_UNCLOSED: {
    vi: (p) => `Dữ liệu kết thúc khi phần tử <${v(p, 'name')}> chưa đóng.`,
    en: (p) => `Input ended before <${v(p, 'name')}> was closed.`,
  },
  XML_DUPLICATE_ATTRIBUTE: {
    vi: (p) => `Thuộc tính "${v(p, 'name')}" lặp lại.`,
    en: (p) => `Attribute "${v(p, 'name')}" is repeated.`,
  },
  XML_UNBOUND_PREFIX: {
    vi: (p) => `Tiền tố không gian tên "${v(p, 'prefix')}" chưa được khai báo.`,
    en: (p) => `Namespace prefix "${v(p, 'prefix')}" is not declared.`,
  },
  XML_CONTENT_OUTSIDE_ROOT: {
    vi: () => 'Có nội dung nằm ngoài phần tử gốc.',
    en: () => 'Content found outside the root element.',
  },
  XML_LIMIT: {
    vi: (p) => `Vượt giới hạn an toàn: ${v(p, 'limitVi')} (tối đa ${v(p, 'max')}).`,
    en: (p) => `Safety limit exceeded: ${v(p, 'limit')} (at most ${v(p, 'max')}).`,
  },
  XML_READ_ERROR: {
    vi: (p) => `Không đọc được dữ liệu: ${v(p, 'detail')}.`,
    en: (p) => `Could not read the input: ${v(p, 'detail')}.`,
  },
  // Reading (edXML structure)
  EDXML_ROOT: {
    vi: (p) => `Phần tử gốc phải là <edXML> trong không gian tên ${v(p, 'ns')}, gặp <${v(p, 'found')}>.`,
    en: (p) => `The root must be <edXML> in namespace ${v(p, 'ns')}, found <${v(p, 'found')}>.`,
  },
  EDXML_KIND_UNKNOWN: {
    vi: () => 'Không xác định được loại gói: không phải gói văn bản, cũng không phải gói trạng thái.',
    en: () => 'Cannot tell the package kind: neither a document package nor a status package.',
  },
  EDXML_DUPLICATE_ELEMENT: {
    vi: (p) => `Phần tử <${v(p, 'name')}> chỉ được xuất hiện một lần.`,
    en: (p) => `Element <${v(p, 'name')}> may occur only once.`,
  },
  EDXML_NOT_INTEGER: {
    vi: (p) => `<${v(p, 'name')}> phải là số nguyên, gặp "${v(p, 'value')}".`,
    en: (p) => `<${v(p, 'name')}> must be an integer, found "${v(p, 'value')}".`,
  },
  EDXML_NOT_BOOLEAN: {
    vi: (p) => `<${v(p, 'name')}> phải là true hoặc false, gặp "${v(p, 'value')}".`,
    en: (p) => `<${v(p, 'name')}> must be true or false, found "${v(p, 'value')}".`,
  },
  EDXML_UNEXPECTED_TEXT: {
    vi: (p) => `Phần tử <${v(p, 'name')}> không được chứa văn bản trực tiếp.`,
    en: (p) => `Element <${v(p, 'name')}> must not contain text directly.`,
  },
  EDXML_UNEXPECTED_CHILDREN: {
    vi: (p) => `Phần tử <${v(p, 'name')}> chỉ chứa văn bản, không chứa phần tử con.`,
    en: (p) => `Element <${v(p, 'name')}> holds text only, not child elements.`,
  },
  EDXML_BASE64_INVALID: {
    vi: (p) => `Nội dung tệp đính kèm không phải base64 hợp lệ (${v(p, 'detailVi')}).`,
    en: (p) => `Attachment content is not valid base64 (${v(p, 'detail')}).`,
  },
  // Checking (conformance)
  EDXML_REQUIRED: {
    vi: (p) => `Thiếu phần tử bắt buộc <${v(p, 'name')}> hoặc phần tử rỗng.`,
    en: (p) => `Required element <${v(p, 'name')}> is missing or empty.`,
  },
  EDXML_ORGAN_ID_FORMAT: {
    vi: (p) => `Mã định danh cơ quan "${v(p, 'value')}" không đúng dạng V1V2V3.Z1Z2.Y1Y2.X1X2X3 (ví dụ 000.00.00.H49).`,
    en: (p) => `Agency code "${v(p, 'value')}" is not of the form V1V2V3.Z1Z2.Y1Y2.X1X2X3 (e.g. 000.00.00.H49).`,
    severity: 'error',
  },
  EDXML_DATE_FORMAT: {
    vi: (p) => `Ngày "${v(p, 'value')}" không đúng định dạng yyyy/MM/dd hoặc không tồn tại.`,
    en: (p) => `Date "${v(p, 'value')}" is not a real date in the form yyyy/MM/dd.`,
  },
  EDXML_TIMESTAMP_FORMAT: {
    vi: (p) => `Thời điểm "${v(p, 'value')}" không đúng định dạng yyyy/MM/dd HH:mm:ss.`,
    en: (p) => `Timestamp "${v(p, 'value')}" is not of the form yyyy/MM/dd HH:mm:ss.`,
  },
  EDXML_DOCUMENT_ID_FORMAT: {
    vi: (p) => `DocumentId "${v(p, 'value')}" không đúng dạng <mã cơ quan>,<yyyy/MM/dd>,<số>/<ký hiệu>.`,
    en: (p) => `DocumentId "${v(p, 'value')}" is not of the form <OrganId>,<yyyy/MM/dd>,<number>/<symbol>.`,
    severity: 'warning',
  },
  EDXML_DOCUMENT_ID_MISMATCH: {
    vi: (p) => `DocumentId không khớp với ${v(p, 'fieldVi')} (mong đợi "${v(p, 'expected')}").`,
    en: (p) => `DocumentId does not match ${v(p, 'field')} (expected "${v(p, 'expected')}").`,
    severity: 'warning',
  },
  EDXML_RANGE: {
    vi: (p) => `<${v(p, 'name')}> có giá trị ${v(p, 'value')}, ngoài miền cho phép ${v(p, 'range')}.`,
    en: (p) => `<${v(p, 'name')}> is ${v(p, 'value')}, outside ${v(p, 'range')}.`,
  },
  EDXML_REPLACEMENT_REQUIRED: {
    vi: () => 'Văn bản thay thế (BussinessDocType = 3) phải có ReplacementInfoList/ReplacementInfo.',
    en: () => 'A replacing document (BussinessDocType = 3) needs ReplacementInfoList/ReplacementInfo.',
  },
  EDXML_UPDATE_INFO_REQUIRED: {
    vi: () => 'Văn bản cập nhật (BussinessDocType = 2) phải có BussinessDocumentInfo.',
    en: () => 'An updating document (BussinessDocType = 2) needs BussinessDocumentInfo.',
  },
  EDXML_STATUS_CODE_UNKNOWN: {
    vi: (p) => `Mã trạng thái "${v(p, 'value')}" không thuộc danh mục (01–06, 13, 15, 16).`,
    en: (p) => `Status code "${v(p, 'value')}" is not a known code (01–06, 13, 15, 16).`,
  },
  EDXML_DUPLICATE_RECIPIENT: {
    vi: (p) => `Nơi nhận ${v(p, 'value')} xuất hiện nhiều lần trong <To>.`,
    en: (p) => `Recipient ${v(p, 'value')} appears more than once in <To>.`,
  },
  EDXML_CID_FORMAT: {
    vi: (p) => `ContentId "${v(p, 'value')}" phải có dạng cid:<mã>.`,
    en: (p) => `ContentId "${v(p, 'value')}" must be of the form cid:<id>.`,
  },
  EDXML_CID_DUPLICATE: {
    vi: (p) => `ContentId "${v(p, 'value')}" bị trùng.`,
    en: (p) => `ContentId "${v(p, 'value')}" is used twice.`,
  },
  EDXML_CID_NO_ATTACHMENT: {
    vi: (p) => `Manifest tham chiếu "${v(p, 'value')}" nhưng không có tệp đính kèm tương ứng.`,
    en: (p) => `The manifest references "${v(p, 'value')}" but no attachment has that ContentId.`,
  },
  EDXML_CID_UNREFERENCED: {
    vi: (p) => `Tệp đính kèm "${v(p, 'value')}" không được liệt kê trong manifest.`,
    en: (p) => `Attachment "${v(p, 'value')}" is not listed in the manifest.`,
  },
  EDXML_NO_ATTACHMENT: {
    vi: () => 'Gói văn bản không có tệp đính kèm nào (nội dung văn bản).',
    en: () => 'The document package carries no attachment (the document itself).',
    severity: 'warning',
  },
  EDXML_TOO_LONG: {
    vi: (p) => `<${v(p, 'name')}> dài ${v(p, 'length')} ký tự, vượt quá ${v(p, 'max')}.`,
    en: (p) => `<${v(p, 'name')}> is ${v(p, 'length')} characters long, more than ${v(p, 'max')}.`,
  },
  EDXML_UNKNOWN_ELEMENT: {
    vi: (p) => `Phần tử mở rộng <${v(p, 'name')}> không thuộc QCVN 102:2016 (được giữ nguyên).`,
    en: (p) => `Extension element <${v(p, 'name')}> is not part of QCVN 102:2016 (kept as is).`,
    severity: 'warning',
  },
  EDXML_SECRET_DOCUMENT: {
    vi: () => 'Văn bản mật không được gửi qua mạng: không được đóng gói edXML văn bản có độ mật.',
    en: () => 'Secret documents must not be sent over the network: no edXML package for a classified document.',
  },
  EDXML_EMAIL_FORMAT: {
    vi: (p) => `Địa chỉ thư điện tử "${v(p, 'value')}" không hợp lệ.`,
    en: (p) => `E-mail address "${v(p, 'value')}" is not valid.`,
    severity: 'warning',
  },
  EDXML_DOCUMENT_MODEL: {
    vi: (p) => `Văn bản không đúng mô hình Nghị định 30/2020: ${v(p, 'detail')}`,
    en: (p) => `The document does not fit the Nghị định 30/2020 model: ${v(p, 'detail')}`,
  },
  EDXML_SIGNATURE_PRESENT_EMPTY: {
    vi: () => 'Phần tử <Signature> rỗng: gói không có chữ ký số XML.',
    en: () => 'The <Signature> element is empty: the package carries no XML signature.',
    severity: 'warning',
  },
  // Deviations of real axis traffic from the standard's text (warnings in the `axis` profile, errors in `strict`).
  EDXML_UNDECLARED_PREFIX: {
    vi: (p) =>
      `Tiền tố "${v(p, 'prefix')}" được dùng mà không khai báo (${v(p, 'count')} lần); đã hiểu là không gian tên ${v(p, 'ns')}.`,
    en: (p) => `Prefix "${v(p, 'prefix')}" is used without a declaration (${v(p, 'count')}×); read as namespace ${v(p, 'ns')}.`,
    severity: 'warning',
  },
  EDXML_BYTES_BEFORE_PROLOG: {
    vi: (p) => `Có ${v(p, 'bytes')} byte (${v(p, 'kindVi')}) trước phần khai báo XML; đã bỏ qua.`,
    en: (p) => `${v(p, 'bytes')} bytes (${v(p, 'kind')}) come before the XML prolog; skipped.`,
    severity: 'warning',
  },
  EDXML_SIGNATURE_NOT_XMLDSIG: {
    vi: (p) => `Phần tử <Signature> không thuộc không gian tên XMLDSig (gặp ${v(p, 'ns')}); được giữ nguyên nhưng không kiểm tra được chữ ký.`,
    en: (p) => `<Signature> is not in the XMLDSig namespace (found ${v(p, 'ns')}); kept as is, but it cannot be verified.`,
    severity: 'warning',
  },
  EDXML_ATTACHMENT_PLACEHOLDER: {
    vi: (p) => `Nội dung tệp đính kèm "${v(p, 'name')}" không phải base64 mà là biểu thức giữ chỗ "${v(p, 'value')}" (dữ liệu thử tải), không phải tệp thật; được đọc nguyên văn.`,
    en: (p) => `Attachment "${v(p, 'name')}" holds the placeholder "${v(p, 'value')}" (load-test data), not base64 of a real file; read as text.`,
    severity: 'warning',
  },
  EDXML_BUSSINESS_DOCUMENT_ID_MISSING: {
    vi: (p) => `TraceHeaderList/Bussiness (BussinessDocType = ${v(p, 'type')}) thiếu DocumentId của văn bản bị ${v(p, 'actionVi')}.`,
    en: (p) => `TraceHeaderList/Bussiness (BussinessDocType = ${v(p, 'type')}) has no DocumentId of the document it ${v(p, 'action')}.`,
    severity: 'warning',
  },
  EDXML_ORGAN_ID_SYSTEM: {
    vi: (p) => `OrganId "${v(p, 'value')}" là mã hệ thống (tài khoản trên trục), không phải mã định danh cơ quan V1V2V3.Z1Z2.Y1Y2.X1X2X3.`,
    en: (p) => `OrganId "${v(p, 'value')}" is a system id (an axis account), not an agency code V1V2V3.Z1Z2.Y1Y2.X1X2X3.`,
    severity: 'warning',
  },
  EDXML_ORGAN_ID_NULL: {
    vi: (p) => `OrganId chứa chữ "${v(p, 'value')}" thay vì mã định danh cơ quan.`,
    en: (p) => `OrganId holds the text "${v(p, 'value')}" instead of an agency code.`,
    severity: 'warning',
  },
  EDXML_ORGAN_ID_SHORT: {
    vi: (p) => `OrganId "${v(p, 'value')}" viết dạng rút gọn; dạng đầy đủ là ${v(p, 'expected')}.`,
    en: (p) => `OrganId "${v(p, 'value')}" is in a short form; the full code is ${v(p, 'expected')}.`,
    severity: 'warning',
  },
  EDXML_DOCUMENT_ID_UUID: {
    vi: (p) => `DocumentId "${v(p, 'value')}" là một UUID, không theo dạng <mã cơ quan>,<yyyy/MM/dd>,<số>/<ký hiệu>.`,
    en: (p) => `DocumentId "${v(p, 'value')}" is a UUID, not of the form <OrganId>,<yyyy/MM/dd>,<number>/<symbol>.`,
    severity: 'warning',
  },
  EDXML_CODE_NUMBER_TOO_LONG: {
    vi: (p) => `CodeNumber "${v(p, 'value')}" dài ${v(p, 'length')} ký tự, vượt quá ${v(p, 'max')} theo QCVN 102:2016.`,
    en: (p) => `CodeNumber "${v(p, 'value')}" is ${v(p, 'length')} characters long, more than the ${v(p, 'max')} of QCVN 102:2016.`,
    severity: 'warning',
  },
  EDXML_ORGAN_NAME_EMPTY: {
    vi: (p) => `<${v(p, 'name')}> có OrganName rỗng.`,
    en: (p) => `<${v(p, 'name')}> has an empty OrganName.`,
    severity: 'warning',
  },
  EDXML_CONTENT_TYPE_MISMATCH: {
    vi: (p) => `Manifest ghi ContentType "${v(p, 'manifest')}" cho "${v(p, 'value')}" nhưng tệp đính kèm ghi "${v(p, 'attachment')}".`,
    en: (p) => `The manifest gives ContentType "${v(p, 'manifest')}" for "${v(p, 'value')}" but the attachment says "${v(p, 'attachment')}".`,
    severity: 'warning',
  },
} satisfies Record<string, MessageDef>;

export type EdxmlIssueCode = keyof typeof issueMessages;

export function makeIssue(
  code: EdxmlIssueCode,
  params: Record<string, string | number>,
  location: EdxmlLocation | undefined,
  lang: EdxmlLang,
  severity?: EdxmlSeverity,
): EdxmlIssue {
  const def: MessageDef = issueMessages[code];
  const localized = { vi: def.vi(params), en: def.en(params) };
  const issue: EdxmlIssue = {
    code,
    path: location ? location.path.split('/').filter((step) => step !== '') : [],
    params,
    severity: severity ?? def.severity ?? 'error',
    message: localized[lang],
    localized,
  };
  if (location) issue.location = location;
  return issue;
}

/** Formats an issue as `line:column path: message [CODE]`. */
export function formatIssue(issue: EdxmlIssue): string {
  const l = issue.location;
  const where = l ? `${l.line !== undefined ? `${l.line}:${l.column ?? 0} ` : ''}${l.path}: ` : '';
  return `${where}${issue.message} [${issue.code}]`;
}

/** Internal: a fatal reading error, turned into an issue at the API boundary (never reaches users as a throw). */
export class EdxmlFatal extends Error {
  constructor(
    readonly code: EdxmlIssueCode,
    readonly params: Record<string, string | number>,
    readonly location: EdxmlLocation | undefined,
  ) {
    super(code);
  }
}
