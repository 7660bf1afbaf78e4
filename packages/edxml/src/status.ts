import { STATUS_CODES, STATUS_INFO, type StatusCode } from '@egov-vn/schemas/core';

/**
 * A status code of a status package (gói tin trạng thái), with its Vietnamese and English labels. The codes, labels
 * and the order rule (`canRecordStatus`) are the kit's one definition in `@egov-vn/schemas` (`STATUS_INFO`); this
 * flat shape is kept for this package's API.
 */
export interface StatusCodeInfo {
  code: StatusCode;
  /** Short Vietnamese label, as in the VPCP samples. */
  vi: string;
  en: string;
  /** What the receiving side did. */
  descriptionVi: string;
  description: string;
}

/** The status codes seen in the VPCP samples and integrations (07–12 and 14 are not used). */
export const statusCodes: readonly StatusCodeInfo[] = STATUS_CODES.map((code) => ({
  code,
  vi: STATUS_INFO[code].label.vi,
  en: STATUS_INFO[code].label.en,
  descriptionVi: STATUS_INFO[code].description.vi,
  description: STATUS_INFO[code].description.en,
}));

/** Looks up a status code ("01" … "16"). */
export function statusCodeInfo(code: string): StatusCodeInfo | undefined {
  return statusCodes.find((s) => s.code === code);
}

/** Priority (OtherInfo/Priority) labels: 0 Thường … 4 Hỏa tốc hẹn giờ. */
export const priorityLabels = [
  { value: 0, vi: 'Thường', en: 'Normal' },
  { value: 1, vi: 'Khẩn', en: 'Urgent' },
  { value: 2, vi: 'Thượng khẩn', en: 'Very urgent' },
  { value: 3, vi: 'Hỏa tốc', en: 'Express' },
  { value: 4, vi: 'Hỏa tốc hẹn giờ', en: 'Express, timed' },
] as const;

/** Bussiness/BussinessDocType: 0 new, 1 revoke, 2 update, 3 replace. */
export const bussinessDocTypes = [
  { value: 0, key: 'new', vi: 'Văn bản điện tử mới', en: 'New e-document' },
  { value: 1, key: 'revoke', vi: 'Thu hồi văn bản điện tử', en: 'Revoke' },
  { value: 2, key: 'update', vi: 'Cập nhật văn bản điện tử', en: 'Update' },
  { value: 3, key: 'replace', vi: 'Thay thế văn bản điện tử', en: 'Replace' },
] as const;

/** SteeringType: 0 not a directive, 1 chỉ đạo, 2 báo cáo chỉ đạo. */
export const steeringTypes = [
  { value: 0, key: 'none', vi: 'Không phải văn bản chỉ đạo', en: 'Not a directive' },
  { value: 1, key: 'directive', vi: 'Văn bản chỉ đạo', en: 'Directive' },
  { value: 2, key: 'report', vi: 'Báo cáo chỉ đạo', en: 'Report on a directive' },
] as const;
