import type { EdxmlAttachment } from './attachment.js';
import type { XmlElement } from './xml.js';

/** The QCVN 102:2016 namespace. */
export const EDXML_NS = 'http://www.mic.gov.vn/TBT/QCVN_102_2016';
/** The XMLDSig namespace. */
export const XMLDSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';
/** The XLink namespace (`xlink:href` on manifest references). */
export const XLINK_NS = 'http://www.w3.org/1999/xlink';

/** Extension elements (not in QCVN 102:2016) found inside a block; written back at the end of that block. */
export interface WithExtensions {
  extensions?: XmlElement[];
}

/** `From` / `To`: an agency. */
export interface EdxmlOrganization extends WithExtensions {
  /** Mã định danh, e.g. `000.00.00.G22`. */
  organId?: string;
  organizationInCharge?: string;
  organName?: string;
  organAdd?: string;
  email?: string;
  telephone?: string;
  fax?: string;
  website?: string;
}

export interface EdxmlCode extends WithExtensions {
  /** Số, e.g. `7816`. */
  codeNumber?: string;
  /** Ký hiệu, e.g. `VPCP-TTĐT`. */
  codeNotation?: string;
}

export interface EdxmlPromulgationInfo extends WithExtensions {
  /** Địa danh. */
  place?: string;
  /** `yyyy/MM/dd`. */
  promulgationDate?: string;
}

export interface EdxmlDocumentType extends WithExtensions {
  type?: number;
  typeDetail?: number;
  /** Tên loại, e.g. "Công văn". */
  typeName?: string;
}

export interface EdxmlSignerInfo extends WithExtensions {
  /** Thẩm quyền ký, e.g. "TL. BỘ TRƯỞNG". */
  competence?: string;
  position?: string;
  fullName?: string;
}

export interface EdxmlOtherInfo extends WithExtensions {
  /** 0 Thường, 1 Khẩn, 2 Thượng khẩn, 3 Hỏa tốc, 4 Hỏa tốc hẹn giờ. */
  priority?: number;
  sphereOfPromulgation?: string;
  typerNotation?: string;
  promulgationAmount?: number;
  pageAmount?: number;
  direction?: boolean;
  appendixes?: string[];
}

/** `ResponseFor`: the document this one answers. */
export interface EdxmlResponseFor extends WithExtensions {
  organId?: string;
  /** "7816/VPCP-TTĐT". */
  code?: string;
  promulgationDate?: string;
  documentId?: string;
}

/** `MessageHeader` of a document package, children in the order of the official sample. */
export interface EdxmlMessageHeader extends WithExtensions {
  from?: EdxmlOrganization;
  to: EdxmlOrganization[];
  /** `<OrganId>,<yyyy/MM/dd>,<số>/<ký hiệu>`. */
  documentId?: string;
  code?: EdxmlCode;
  promulgationInfo?: EdxmlPromulgationInfo;
  documentType?: EdxmlDocumentType;
  /** Trích yếu. */
  subject?: string;
  content?: string;
  signerInfo?: EdxmlSignerInfo;
  /** Hạn xử lý, `yyyy/MM/dd`. */
  dueDate?: string;
  otherInfo?: EdxmlOtherInfo;
  /** 0 not a directive, 1 chỉ đạo, 2 báo cáo chỉ đạo. */
  steeringType?: number;
  /** Nơi nhận (text). */
  toPlaces?: string[];
  responseFor: EdxmlResponseFor[];
}

export interface EdxmlTraceHeader extends WithExtensions {
  organId?: string;
  /** `yyyy/MM/dd HH:mm:ss` (also accepted: `dd/MM/yyyy HH:mm:ss`). */
  timestamp?: string;
}

export interface EdxmlStaffInfo extends WithExtensions {
  department?: string;
  staff?: string;
  email?: string;
  mobile?: string;
}

export interface EdxmlReplacementInfo extends WithExtensions {
  /** The document being replaced. */
  documentId?: string;
  /** Agencies that received the replaced document. */
  organIdList: string[];
}

export interface EdxmlReceiver extends WithExtensions {
  organId?: string;
  receiverType?: number;
}

export interface EdxmlBussinessDocumentInfo extends WithExtensions {
  documentInfo?: number;
  documentReceiver?: number;
  receiverList?: EdxmlReceiver[];
}

/** 0 new, 1 revoke (thu hồi), 2 update (cập nhật), 3 replace (thay thế). */
export type BussinessDocType = number;

/** `TraceHeaderList/Bussiness` (spelled so in the official samples). */
export interface EdxmlBussiness extends WithExtensions {
  documentId?: string;
  bussinessDocType?: BussinessDocType;
  bussinessDocReason?: string;
  /** 1 if a paper copy is also sent. */
  paper?: number;
  staffInfo?: EdxmlStaffInfo;
  replacementInfoList?: EdxmlReplacementInfo[];
  bussinessDocumentInfo?: EdxmlBussinessDocumentInfo;
}

export interface EdxmlTraceHeaderList extends WithExtensions {
  traceHeaders: EdxmlTraceHeader[];
  bussiness?: EdxmlBussiness;
}

export interface EdxmlManifestReference extends WithExtensions {
  contentId?: string;
  contentType?: string;
  description?: string;
  attachmentName?: string;
  /** Attributes on `Reference` (e.g. `xlink:href`), kept as written. */
  attributes?: Array<[string, string]>;
}

export interface EdxmlManifest extends WithExtensions {
  version?: string;
  references: EdxmlManifestReference[];
}

/** Extension elements at the package level (outside the known blocks). */
export interface EdxmlPackageExtensions {
  /** Inside `edXMLHeader`, after the known blocks. */
  header?: XmlElement[];
  /** Inside `edXMLBody`, after the manifest. */
  body?: XmlElement[];
  /** Inside `edXMLEnvelope`. */
  envelope?: XmlElement[];
  /** Inside the root, after `AttachmentEncoded`. */
  root?: XmlElement[];
  /** Inside `AttachmentEncoded`. */
  attachmentEncoded?: XmlElement[];
}

/** An edXML document package (gói tin văn bản). */
export interface EdxmlDocumentPackage {
  kind: 'document';
  header: EdxmlMessageHeader;
  traceHeaderList?: EdxmlTraceHeaderList;
  /** The XML signature element inside `edXMLHeader`, kept as written (verify with `@egov-vn/edxml/dsig`). */
  signature?: XmlElement;
  manifest?: EdxmlManifest;
  attachments: EdxmlAttachment[];
  extensions?: EdxmlPackageExtensions;
}

/** `MessageHeader` (or `Status`) of a status package. */
export interface EdxmlStatusHeader extends WithExtensions {
  from?: EdxmlOrganization;
  responseFor?: EdxmlResponseFor;
  staffInfo?: EdxmlStaffInfo;
  /** Two digits: 01 … 16. */
  statusCode?: string;
  description?: string;
  /** `yyyy/MM/dd HH:mm:ss`. */
  timestamp?: string;
}

/** An edXML status package (gói tin trạng thái). */
export interface EdxmlStatusPackage {
  kind: 'status';
  header: EdxmlStatusHeader;
  /** `MessageHeader` in the VPCP samples; the older Bkav code writes `Status`. */
  headerElement?: 'MessageHeader' | 'Status';
  signature?: XmlElement;
  extensions?: EdxmlPackageExtensions;
}

export type EdxmlPackage = EdxmlDocumentPackage | EdxmlStatusPackage;
