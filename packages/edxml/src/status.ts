/** A status code of a status package (gói tin trạng thái), with its Vietnamese and English labels. */
export interface StatusCodeInfo {
  code: string;
  /** Short Vietnamese label, as in the VPCP samples. */
  vi: string;
  en: string;
  /** What the receiving side did. */
  descriptionVi: string;
  description: string;
}

/** The status codes seen in the VPCP samples and integrations (07–12 and 14 are not used). */
export const statusCodes: readonly StatusCodeInfo[] = [
  { code: '01', vi: 'Đã đến', en: 'Arrived', descriptionVi: 'Hệ thống nơi nhận đã nhận, văn thư chưa xử lý', description: 'The receiving system has it; the clerk has not acted yet' },
  { code: '02', vi: 'Từ chối', en: 'Rejected', descriptionVi: 'Văn thư từ chối tiếp nhận văn bản điện tử', description: 'The clerk rejects the e-document' },
  { code: '03', vi: 'Tiếp nhận', en: 'Accepted', descriptionVi: 'Đã tiếp nhận và vào sổ văn bản đến', description: 'Accepted and registered in the incoming book' },
  { code: '04', vi: 'Phân công', en: 'Assigned', descriptionVi: 'Lãnh đạo đã phân công xử lý', description: 'A leader assigned it for handling' },
  { code: '05', vi: 'Đang xử lý', en: 'Processing', descriptionVi: 'Văn bản đang được xử lý', description: 'Being processed' },
  { code: '06', vi: 'Hoàn thành', en: 'Finished', descriptionVi: 'Đã hoàn thành xử lý', description: 'Processing finished' },
  { code: '13', vi: 'Lấy lại', en: 'Take back', descriptionVi: 'Nơi gửi đề nghị lấy lại văn bản đã ban hành', description: 'The sender asks to take back an issued e-document' },
  { code: '15', vi: 'Đồng ý cập nhật/lấy lại', en: 'Change accepted', descriptionVi: 'Văn thư nơi nhận đồng ý yêu cầu cập nhật/lấy lại', description: "The receiver's clerk agrees to the update/take-back request" },
  { code: '16', vi: 'Từ chối cập nhật/lấy lại', en: 'Change refused', descriptionVi: 'Văn thư nơi nhận từ chối yêu cầu cập nhật/lấy lại', description: "The receiver's clerk refuses the update/take-back request" },
];

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
