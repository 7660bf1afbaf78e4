// Packages that follow the official VPCP samples (SDKVXP `edoc_new.edxml` and the status samples) element by
// element, for tests, examples and benchmarks.
import { attachmentFromBytes } from './attachment.js';
import type { EdxmlBussiness, EdxmlDocumentPackage, EdxmlStatusPackage } from './model.js';
import { statusCodeInfo } from './status.js';

export type SampleBusiness = 'new' | 'revoke' | 'update' | 'replace';

const pdfBytes = new TextEncoder().encode('%PDF-1.4\n% egov-vn sample\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

/** A document package shaped like the official `edoc_new.edxml` sample (and its revoke/update/replace variants). */
export function sampleDocumentPackage(business: SampleBusiness = 'new', content: Uint8Array = pdfBytes): EdxmlDocumentPackage {
  const bussiness: EdxmlBussiness = {
    bussinessDocType: { new: 0, revoke: 1, update: 2, replace: 3 }[business],
    bussinessDocReason: {
      new: 'Văn bản điện tử mới',
      revoke: 'Thu hồi văn bản điện tử',
      update: 'Cập nhật văn bản điện tử',
      replace: 'Thay thế văn bản điện tử',
    }[business],
    paper: 0,
    staffInfo: { department: 'Văn thư văn phòng', staff: 'Nguyễn Thị Ngọc Trâm', email: 'vanthuvanphong@gov.vn', mobile: '84912000001' },
  };
  if (business !== 'new') bussiness.documentId = '000.00.00.G22,2024/03/05,15/VPCP-TTĐT';
  if (business === 'replace') {
    bussiness.replacementInfoList = [
      { documentId: '000.00.00.G22,2024/03/05,15/VPCP-TTĐT', organIdList: ['000.00.00.H49', '000.00.00.H26'] },
    ];
  }
  if (business === 'update') {
    bussiness.bussinessDocumentInfo = {
      documentInfo: 1,
      documentReceiver: 1,
      receiverList: [{ organId: '000.00.00.H26', receiverType: 1 }],
    };
  }
  return {
    kind: 'document',
    header: {
      from: {
        organId: '000.00.00.G22',
        organizationInCharge: 'Văn phòng Chính phủ',
        organName: 'Văn phòng Chính phủ',
        organAdd: 'Số 1 Hoàng Hoa Thám, Quận Ba Đình, Hà Nội',
        email: 'vpcp@chinhphu.vn',
        telephone: '080 43100',
        fax: '080 44130',
        website: 'vpcp.chinhphu.vn',
      },
      to: [
        {
          organId: '000.00.00.H49',
          organizationInCharge: 'Ủy ban nhân dân tỉnh Quảng Ninh',
          organName: 'Ủy ban nhân dân tỉnh Quảng Ninh',
          organAdd: 'Phường Hồng Hà, thành phố Hạ Long, Quảng Ninh',
          email: 'ubnd@quangninh.gov.vn',
          telephone: '0203 3835 555',
          fax: '0203 3835 556',
          website: 'quangninh.gov.vn',
        },
      ],
      documentId: '000.00.00.G22,2024/03/12,16/VPCP-TTĐT',
      code: { codeNumber: '16', codeNotation: 'VPCP-TTĐT' },
      promulgationInfo: { place: 'Hà Nội', promulgationDate: '2024/03/12' },
      documentType: { type: 1, typeDetail: 0, typeName: 'Công văn' },
      subject: 'V/v kết nối, liên thông phần mềm quản lý văn bản',
      content: 'V/v kết nối, liên thông phần mềm quản lý văn bản',
      signerInfo: { competence: 'TL. BỘ TRƯỞNG', position: 'Cục trưởng Cục Chuyển đổi số', fullName: 'Nguyễn Văn An' },
      dueDate: '2024/03/29',
      otherInfo: {
        priority: 1,
        sphereOfPromulgation: 'Liên thông văn bản quốc gia',
        typerNotation: 'TVC',
        promulgationAmount: 2,
        pageAmount: 1,
        direction: false,
        appendixes: ['Phụ lục: Danh sách cơ quan kết nối'],
      },
      steeringType: 1,
      toPlaces: ['Các bộ, cơ quan ngang bộ', 'UBND các tỉnh, thành phố trực thuộc TW'],
      responseFor: [],
    },
    traceHeaderList: {
      traceHeaders: [{ organId: '000.00.00.G22', timestamp: '2024/03/12 09:30:00' }],
      bussiness,
    },
    manifest: {
      version: '1.0',
      references: [
        { contentId: 'cid:1', contentType: 'application/pdf', description: '16_VPCP-TTDT.pdf', attachmentName: '16_VPCP-TTDT.pdf' },
      ],
    },
    attachments: [
      attachmentFromBytes(
        { contentId: 'cid:1', attachmentName: '16_VPCP-TTDT.pdf', description: '16_VPCP-TTDT.pdf', contentType: 'application/pdf' },
        content,
      ),
    ],
  };
}

/** The status codes that exist in the samples. */
export const sampleStatusCodes = ['01', '02', '03', '04', '05', '06', '13', '15', '16'] as const;

/** A status package shaped like the VPCP `status_*.edxml` samples. */
export function sampleStatusPackage(code: string = '01'): EdxmlStatusPackage {
  return {
    kind: 'status',
    header: {
      from: {
        organId: '000.00.00.H49',
        organName: 'Ủy ban nhân dân tỉnh Quảng Ninh',
        organizationInCharge: 'Ủy ban nhân dân tỉnh Quảng Ninh',
        organAdd: 'Phường Hồng Hà, thành phố Hạ Long, Quảng Ninh',
        email: 'ubnd@quangninh.gov.vn',
        telephone: '0203 3835 555',
        fax: '0203 3835 556',
        website: 'quangninh.gov.vn',
      },
      responseFor: {
        organId: '000.00.00.G22',
        code: '16/VPCP-TTĐT',
        promulgationDate: '2024/03/12',
        documentId: '000.00.00.G22,2024/03/12,16/VPCP-TTĐT',
      },
      staffInfo: { department: 'Văn thư', staff: 'Trần Văn Bình', mobile: '0912000002', email: 'vanthu@quangninh.gov.vn' },
      statusCode: code,
      description: statusCodeInfo(code)?.vi ?? 'Trạng thái',
      timestamp: '2024/03/12 10:15:00',
    },
  };
}
