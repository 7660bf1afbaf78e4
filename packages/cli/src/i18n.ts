export type Lang = 'vi' | 'en';

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
    `Cách dùng: egov-vn check <tệp…> [--json] [--lang vi|en] [--no-warnings] [--no-progress]

Kiểm tra gói tin edXML (gói văn bản, gói trạng thái) theo QCVN 102:2016 và tệp JSON văn bản theo Nghị định 30/2020.
Mã thoát: 0 hợp lệ, 1 không hợp lệ, 2 không đọc được tệp hoặc sai cách dùng.`,
    `Usage: egov-vn check <files…> [--json] [--lang vi|en] [--no-warnings] [--no-progress]

Checks edXML packages (document, status) against QCVN 102:2016 and document JSON against Nghị định 30/2020.
Exit codes: 0 conformant, 1 not conformant, 2 unreadable file or usage error.`,
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
} as const;

export type MessageKey = keyof typeof messages;

export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  const text: string = messages[key][lang === 'en' ? 1 : 0];
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
