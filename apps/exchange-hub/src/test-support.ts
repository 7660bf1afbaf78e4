// Shared test data: sandbox systems and edXML packages built with @egov-vn/edxml's public API.
import { attachmentFromBytes, buildEdxml, type EdxmlDocumentPackage } from '@egov-vn/edxml';
import { sampleDocumentPackage } from '@egov-vn/edxml/testing';

export const SENDER = '000.00.00.G22';
export const R1 = '000.00.00.H49';
export const R2 = '000.00.00.H26';
export const OTHER = '000.00.00.H41';

export const seed = {
  systems: [
    { systemId: 'sys.vpcp', secret: 'secret-vpcp-123', agencies: [{ code: SENDER, name: 'Văn phòng Chính phủ', email: 'vanthu@chinhphu.vn' }] },
    {
      systemId: 'sys.qn',
      secret: 'secret-qn-123',
      agencies: [
        { code: R1, name: 'Ủy ban nhân dân tỉnh Quảng Ninh', email: 'vanthu@quangninh.gov.vn' },
        { code: R2, name: 'Ủy ban nhân dân tỉnh Hải Dương', email: 'vanthu@haiduong.gov.vn' },
      ],
    },
    { systemId: 'sys.other', secret: 'secret-other-123', agencies: [{ code: OTHER, name: 'UBND tỉnh Nghệ An', email: 'vanthu@nghean.gov.vn' }] },
  ],
};

export const PDF = new TextEncoder().encode('%PDF-1.4\n% egov-vn test\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

/** A valid document package from SENDER to the given recipients. */
export function documentPackage(
  options: { to?: string[]; number?: string; secret?: boolean; attachment?: Uint8Array; paper?: boolean } = {},
): string {
  const pkg: EdxmlDocumentPackage = sampleDocumentPackage('new', options.attachment ?? PDF);
  const to = options.to ?? [R1, R2];
  pkg.header.to = to.map((organId) => ({ organId, organName: `Cơ quan ${organId}` }));
  const number = options.number ?? '16';
  pkg.header.code = { codeNumber: number, codeNotation: 'VPCP-TTĐT' };
  pkg.header.documentId = `${SENDER},2024/03/12,${number}/VPCP-TTĐT`;
  if (options.secret && pkg.header.otherInfo) pkg.header.otherInfo.sphereOfPromulgation = 'Mật';
  if (options.paper && pkg.traceHeaderList?.bussiness) pkg.traceHeaderList.bussiness.paper = 1;
  if (options.attachment) {
    pkg.attachments = [
      attachmentFromBytes(
        { contentId: 'cid:1', attachmentName: '16_VPCP-TTDT.pdf', description: '16_VPCP-TTDT.pdf', contentType: 'application/pdf' },
        options.attachment,
      ),
    ];
  }
  return buildEdxml(pkg);
}
