// The 29 kinds of administrative document of Nghị định 30/2020/NĐ-CP, Điều 7, with the official abbreviations of
// Phụ lục III, mục I (Công văn and Thư công have none), and the three kinds of copy (Điều 25; Phụ lục III).
// Keys are the Vietnamese names without marks, in camelCase: a stable identifier for code and storage.

export interface DocumentTypeInfo {
  /** Stable key (Vietnamese name without marks, camelCase). */
  key: string;
  /** Official name, as Điều 7 writes it. */
  name: string;
  /** Official abbreviation (Phụ lục III), absent for Công văn and Thư công. */
  abbreviation?: string;
  /** English gloss, for English-language interfaces. */
  en: string;
}

export const DOCUMENT_TYPES = [
  { key: 'nghiQuyet', name: 'Nghị quyết', abbreviation: 'NQ', en: 'Resolution' },
  { key: 'quyetDinh', name: 'Quyết định', abbreviation: 'QĐ', en: 'Decision' },
  { key: 'chiThi', name: 'Chỉ thị', abbreviation: 'CT', en: 'Directive' },
  { key: 'quyChe', name: 'Quy chế', abbreviation: 'QC', en: 'Regulation' },
  { key: 'quyDinh', name: 'Quy định', abbreviation: 'QyĐ', en: 'Rules' },
  { key: 'thongCao', name: 'Thông cáo', abbreviation: 'TC', en: 'Communiqué' },
  { key: 'thongBao', name: 'Thông báo', abbreviation: 'TB', en: 'Notice' },
  { key: 'huongDan', name: 'Hướng dẫn', abbreviation: 'HD', en: 'Guidance' },
  { key: 'chuongTrinh', name: 'Chương trình', abbreviation: 'CTr', en: 'Programme' },
  { key: 'keHoach', name: 'Kế hoạch', abbreviation: 'KH', en: 'Plan' },
  { key: 'phuongAn', name: 'Phương án', abbreviation: 'PA', en: 'Scheme' },
  { key: 'deAn', name: 'Đề án', abbreviation: 'ĐA', en: 'Proposal' },
  { key: 'duAn', name: 'Dự án', abbreviation: 'DA', en: 'Project' },
  { key: 'baoCao', name: 'Báo cáo', abbreviation: 'BC', en: 'Report' },
  { key: 'bienBan', name: 'Biên bản', abbreviation: 'BB', en: 'Minutes' },
  { key: 'toTrinh', name: 'Tờ trình', abbreviation: 'TTr', en: 'Submission' },
  { key: 'hopDong', name: 'Hợp đồng', abbreviation: 'HĐ', en: 'Contract' },
  { key: 'congVan', name: 'Công văn', en: 'Official letter' },
  { key: 'congDien', name: 'Công điện', abbreviation: 'CĐ', en: 'Official telegram' },
  { key: 'banGhiNho', name: 'Bản ghi nhớ', abbreviation: 'BGN', en: 'Memorandum' },
  { key: 'banThoaThuan', name: 'Bản thỏa thuận', abbreviation: 'BTT', en: 'Agreement' },
  { key: 'giayUyQuyen', name: 'Giấy ủy quyền', abbreviation: 'GUQ', en: 'Power of attorney' },
  { key: 'giayMoi', name: 'Giấy mời', abbreviation: 'GM', en: 'Invitation' },
  { key: 'giayGioiThieu', name: 'Giấy giới thiệu', abbreviation: 'GGT', en: 'Letter of introduction' },
  { key: 'giayNghiPhep', name: 'Giấy nghỉ phép', abbreviation: 'GNP', en: 'Leave permit' },
  { key: 'phieuGui', name: 'Phiếu gửi', abbreviation: 'PG', en: 'Dispatch slip' },
  { key: 'phieuChuyen', name: 'Phiếu chuyển', abbreviation: 'PC', en: 'Transfer slip' },
  { key: 'phieuBao', name: 'Phiếu báo', abbreviation: 'PB', en: 'Notification slip' },
  { key: 'thuCong', name: 'Thư công', en: 'Official letter (thư công)' },
] as const satisfies readonly DocumentTypeInfo[];

export type DocumentTypeKey = (typeof DOCUMENT_TYPES)[number]['key'];
export const DOCUMENT_TYPE_KEYS = DOCUMENT_TYPES.map((t) => t.key) as [DocumentTypeKey, ...DocumentTypeKey[]];

/** The three kinds of copy and their abbreviations (Phụ lục III). */
export const COPY_KINDS = [
  { key: 'saoY', name: 'Bản sao y', abbreviation: 'SY', label: 'SAO Y', en: 'True copy' },
  { key: 'trichSao', name: 'Bản trích sao', abbreviation: 'TrS', label: 'TRÍCH SAO', en: 'Extract copy' },
  { key: 'saoLuc', name: 'Bản sao lục', abbreviation: 'SL', label: 'SAO LỤC', en: 'Transcribed copy' },
] as const;
export type CopyKindKey = (typeof COPY_KINDS)[number]['key'];
export const COPY_KIND_KEYS = COPY_KINDS.map((c) => c.key) as [CopyKindKey, ...CopyKindKey[]];

/**
 * Abbreviations of the kinds of legal normative document (văn bản quy phạm pháp luật) as they appear in numbers
 * such as `12/2020/NĐ-CP` (Luật Ban hành văn bản quy phạm pháp luật). Recognised by `parseDocumentNumber`.
 */
export const LEGAL_NORMATIVE_ABBREVIATIONS = [
  'HP', 'L', 'BLLĐ', 'PL', 'NQ', 'NQLT', 'NĐ', 'QĐ', 'TT', 'TTLT', 'CT',
] as const;

const byKey = new Map<string, DocumentTypeInfo>(DOCUMENT_TYPES.map((t) => [t.key, t]));
const byAbbreviation = new Map<string, DocumentTypeInfo>(
  DOCUMENT_TYPES.filter((t) => 'abbreviation' in t).map((t) => [(t as DocumentTypeInfo).abbreviation!, t]),
);

/** Looks a document type up by key. */
export function documentType(key: DocumentTypeKey): DocumentTypeInfo {
  return byKey.get(key)!;
}

/** Looks a document type up by its official abbreviation (`'QĐ'`, `'CT'`, …). */
export function documentTypeByAbbreviation(abbreviation: string): DocumentTypeInfo | undefined {
  return byAbbreviation.get(abbreviation.normalize('NFC'));
}

/** True when the abbreviation is a document type, a copy kind or a legal normative document kind. */
const TYPE_ABBREVIATIONS = new Set<string>([
  ...byAbbreviation.keys(),
  ...COPY_KINDS.map((c) => c.abbreviation),
  ...LEGAL_NORMATIVE_ABBREVIATIONS,
]);

export function isTypeAbbreviation(abbreviation: string): boolean {
  return TYPE_ABBREVIATIONS.has(abbreviation.normalize('NFC'));
}
