// The CLI's texts, Vietnamese first. The language type is the kit's one `Lang` (@egov-vn/schemas).
import type { Lang } from '@egov-vn/schemas/core';

export type { Lang };

const messages = {
  usage: [
    `Cách dùng: egov-vn <lệnh> [tùy chọn]

Lệnh:
{commands}

Tùy chọn chung: --lang vi|en (ngôn ngữ, mặc định vi), --help, --version`,
    `Usage: egov-vn <command> [options]

Commands:
{commands}

Global options: --lang vi|en (default vi), --help, --version`,
  ],
  unknownCommand: ['Lệnh không tồn tại: "{name}".', 'Unknown command: "{name}".'],
  badLang: ['Ngôn ngữ không hỗ trợ: "{value}" (dùng vi hoặc en).', 'Unsupported language: "{value}" (use vi or en).'],
  badOption: ['Tùy chọn không hợp lệ: {detail}', 'Invalid option: {detail}'],
  checkUsage: [
    `Cách dùng: egov-vn check <tệp…> [--profile axis|strict] [--json] [--lang vi|en] [--no-warnings] [--no-progress] [--trust <gốc.pem>] [--crl <tệp.crl>]

Kiểm tra gói tin edXML (gói văn bản, gói trạng thái) theo QCVN 102:2016, tệp JSON văn bản theo Nghị định 30/2020
và tệp PDF đã ký: kết quả từng chữ ký số (chứng thư gốc tin cậy cho bằng --trust) cùng các quy định của
Nghị định 30/2020 Phụ lục I mà máy kiểm tra được — loại chữ ký theo chứng thư (cá nhân/cơ quan) và vị trí; hình chữ ký
màu xanh, dấu màu đỏ, nền trong suốt, dấu đúng kích thước và trùm khoảng 1/3 hình chữ ký bên trái; thứ tự ký (lãnh đạo
trước, dấu sau); dấu chữ ký góc trên bên phải trang đầu (Times New Roman 10, màu đen, thời gian ISO 8601 +07:00);
bản sao điện tử (hình thức sao SY/TrS/SL, PDF 1.4 trở lên, ảnh quét màu ≥ 200 dpi ở tỉ lệ 100 %). Mỗi phát hiện có
mã, trang và vị trí; --json cho danh sách.
--profile axis (mặc định): những gì trục liên thông quốc gia chấp nhận — chỉ điều làm hỏng việc chuyển gói là lỗi,
  mọi sai lệch so với QCVN 102:2016 là cảnh báo có mã riêng; --profile strict: đúng văn bản QCVN 102:2016.
Mã thoát: 0 hợp lệ (có thể có cảnh báo), 1 có lỗi, 2 không đọc được tệp hoặc sai cách dùng.`,
    `Usage: egov-vn check <files…> [--profile axis|strict] [--json] [--lang vi|en] [--no-warnings] [--no-progress] [--trust <anchors.pem>] [--crl <file.crl>]

Checks edXML packages (document, status) against QCVN 102:2016, document JSON against Nghị định 30/2020
and signed PDF files: every signature's verdict (trust anchors given with --trust) plus the Nghị định 30/2020
Phụ lục I rules a machine can check — signature kind from the certificate (person/organisation) and place; blue
signature image, red seal, transparent backgrounds, the seal at actual size over the left third of the signature
image; signing order (leader, then seal); the text stamp at the top right of page 1 (Times New Roman 10 pt, black,
ISO 8601 time with +07:00); electronic copies (copy kind SY/TrS/SL, PDF 1.4 or later, colour scans ≥ 200 dpi at
100 %). Each finding has a code, a page and a rectangle; --json gives the list.
--profile axis (default): what the national axis accepts — only what breaks delivery is an error, every deviation
  from QCVN 102:2016 is a warning with its own code; --profile strict: the text of QCVN 102:2016.
Exit codes: 0 conformant (warnings allowed), 1 errors, 2 unreadable file or usage error.`,
  ],
  badProfile: ['Hồ sơ kiểm tra không hợp lệ: "{value}" (dùng axis hoặc strict).', 'Unknown profile: "{value}" (use axis or strict).'],
  profileAxis: [
    'Hồ sơ kiểm tra edXML: axis (những gì trục liên thông quốc gia chấp nhận; sai lệch so với QCVN 102:2016 là cảnh báo).',
    'edXML profile: axis (what the national axis accepts; deviations from QCVN 102:2016 are warnings).',
  ],
  profileStrict: [
    'Hồ sơ kiểm tra edXML: strict (đúng văn bản QCVN 102:2016; mọi sai lệch là lỗi).',
    'edXML profile: strict (the text of QCVN 102:2016; every deviation is an error).',
  ],
  noFiles: ['Chưa chỉ ra tệp cần kiểm tra.', 'No file to check.'],
  unreadable: ['Không đọc được tệp: {detail}', 'Cannot read the file: {detail}'],
  notJson: ['Tệp JSON không hợp lệ: {detail}', 'Invalid JSON: {detail}'],
  noSchemas: [
    'Không kiểm tra được JSON văn bản: thiếu @egov-vn/schemas.',
    'Cannot check document JSON: @egov-vn/schemas is not available.',
  ],
  secretJson: [
    'Văn bản mật không được gửi qua mạng (độ mật: {level}).',
    'Secret documents must not be sent over the network (secrecy: {level}).',
  ],
  kind_document: ['gói văn bản edXML', 'edXML document package'],
  kind_status: ['gói trạng thái edXML', 'edXML status package'],
  kind_json: ['JSON văn bản', 'document JSON'],
  kind_pdf: ['PDF ký số', 'signed PDF'],
  kind_unknown: ['không xác định', 'unknown'],
  fileOk: ['hợp lệ ({kind})', 'conformant ({kind})'],
  fileBad: ['không hợp lệ ({kind}): {errors} lỗi, {warnings} cảnh báo', 'not conformant ({kind}): {errors} errors, {warnings} warnings'],
  fileWarn: ['hợp lệ ({kind}), {warnings} cảnh báo', 'conformant ({kind}), {warnings} warnings'],
  summary: [
    '{files} tệp: {ok} hợp lệ, {bad} không hợp lệ, {unreadable} không đọc được.',
    '{files} files: {ok} conformant, {bad} not conformant, {unreadable} unreadable.',
  ],
  error: ['lỗi', 'error'],
  warning: ['cảnh báo', 'warning'],
  signatureTooLarge: [
    'Gói tin lớn hơn 64 MiB: chưa kiểm tra chữ ký số XML.',
    'Package larger than 64 MiB: the XML signature was not verified.',
  ],
  checkSummary: ['Kiểm tra gói tin edXML và JSON văn bản', 'Check edXML packages and document JSON'],
  verifyUsage: [
    `Cách dùng: egov-vn verify <tệp.pdf…> --trust <chứng thư gốc.pem> [--trust …] [--crl <tệp.crl>] [--json] [--lang vi|en]

Kiểm tra chữ ký số PAdES trên tệp PDF: toàn vẹn, chữ ký CMS, chuỗi chứng thư đến các chứng thư gốc tin cậy
(không có gì được tin cậy mặc định), dấu thời gian, phạm vi ký và các thay đổi sau khi ký.
Mã thoát: 0 mọi chữ ký hợp lệ, 1 có chữ ký không hợp lệ/chưa xác định hoặc không có chữ ký, 2 không đọc được tệp hoặc sai cách dùng.`,
    `Usage: egov-vn verify <file.pdf…> --trust <anchors.pem> [--trust …] [--crl <file.crl>] [--json] [--lang vi|en]

Verifies the PAdES signatures of PDF files: integrity, the CMS signature, the certificate chain to the trust anchors
given (nothing is trusted by default), timestamps, coverage and changes made after signing.
Exit codes: 0 every signature passed, 1 a signature failed or is indeterminate, or none, 2 unreadable file or usage error.`,
  ],
  signUsage: [
    `Cách dùng: egov-vn sign <vào.pdf> -o <ra.pdf> --p12 <tệp.p12> [--password-env TÊN_BIẾN] [--tsa URL]
                    [--certify 1|2|3] [--hash SHA-256|SHA-384|SHA-512] [--subfilter pades|pkcs7]
                    [--reason …] [--location …] [--page N]

Ký số tệp PDF bằng ghi nối tiếp (không sửa byte nào của tệp gốc). Mật khẩu PKCS#12 đọc từ biến môi trường
(mặc định EGOV_P12_PASSWORD), không bao giờ từ dòng lệnh. --tsa thêm dấu thời gian RFC 3161 (PAdES B-T).
Mã thoát: 0 đã ký, 1 không ký được (sai mật khẩu, chứng thư…), 2 không đọc được tệp hoặc sai cách dùng.`,
    `Usage: egov-vn sign <in.pdf> -o <out.pdf> --p12 <file.p12> [--password-env NAME] [--tsa URL]
                    [--certify 1|2|3] [--hash SHA-256|SHA-384|SHA-512] [--subfilter pades|pkcs7]
                    [--reason …] [--location …] [--page N]

Signs a PDF by incremental update (no byte of the input changes). The PKCS#12 password is read from an environment
variable (default EGOV_P12_PASSWORD), never from the command line. --tsa adds an RFC 3161 timestamp (PAdES B-T).
Exit codes: 0 signed, 1 could not sign (wrong password, certificate…), 2 unreadable file or usage error.`,
  ],
  signed: ['Đã ký: {file}', 'Signed: {file}'],
  signFailed: ['Không ký được: {detail}', 'Could not sign: {detail}'],
  noPassword: [
    'Chưa có mật khẩu PKCS#12: biến môi trường {name} chưa được đặt (ví dụ: export {name}=…, hoặc chọn biến khác bằng --password-env).',
    'No PKCS#12 password: the environment variable {name} is not set (e.g. export {name}=…, or name another variable with --password-env).',
  ],
  pdfNotSigned: ['Tệp PDF không có chữ ký số.', 'The PDF has no digital signature.'],
  pdfSignature: ['Chữ ký "{name}": {indication} — {reasons}', 'Signature "{name}": {indication} — {reasons}'],
} as const;

export type MessageKey = keyof typeof messages;

export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  const text: string = messages[key][lang === 'en' ? 1 : 0];
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
