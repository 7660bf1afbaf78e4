import { describe, expect, it } from 'vitest';
import { buildEdxml, buildEdxmlStream, checkEdxml, parseEdxml, readAll } from './index.js';
import { sampleDocumentPackage, sampleStatusCodes, sampleStatusPackage } from './fixtures.js';
import { chunked, plain } from './test-helpers.js';

const NS = 'http://www.mic.gov.vn/TBT/QCVN_102_2016';

/** Shaped like SDKVXP_Example/resources/edoc_new.edxml (VPCP), with a real base64 payload. */
const officialShape = `<?xml version="1.0" encoding="UTF-8"?>
<edXML xmlns="${NS}">
  <edXML:edXMLEnvelope xmlns:edXML="${NS}">
    <edXML:edXMLHeader>
      <edXML:MessageHeader>
        <edXML:From>
          <edXML:OrganId>002.00.20.H13</edXML:OrganId>
          <edXML:OrganizationInCharge>UBND xã Hòa Tiến</edXML:OrganizationInCharge>
          <edXML:OrganName>UBND xã Hòa Tiến</edXML:OrganName>
          <edXML:OrganAdd>Số 1 Hoàng Hoa Thám, Quận Ba Đình, Hà Nội</edXML:OrganAdd>
          <edXML:Email>vpcp@gov.vn</edXML:Email>
          <edXML:Telephone>8043100</edXML:Telephone>
          <edXML:Fax>048989898789</edXML:Fax>
          <edXML:Website>vpcp.vn</edXML:Website>
        </edXML:From>
        <edXML:To>
          <edXML:OrganId>000.00.00.H49</edXML:OrganId>
          <edXML:OrganizationInCharge> UBND xã Hòa Sơn</edXML:OrganizationInCharge>
          <edXML:OrganName>UBND xã Hòa Sơn</edXML:OrganName>
        </edXML:To>
        <edXML:DocumentId>002.00.20.H13,2019/01/16,74/VPCP-TTĐT</edXML:DocumentId>
        <edXML:Code>
          <edXML:CodeNumber>74</edXML:CodeNumber>
          <edXML:CodeNotation>VPCP-TTĐT</edXML:CodeNotation>
        </edXML:Code>
        <edXML:PromulgationInfo>
          <edXML:Place>Hà Nội</edXML:Place>
          <edXML:PromulgationDate>2019/01/16</edXML:PromulgationDate>
        </edXML:PromulgationInfo>
        <edXML:DocumentType>
          <edXML:Type>1</edXML:Type>
          <edXML:TypeDetail>0</edXML:TypeDetail>
          <edXML:TypeName>Công văn</edXML:TypeName>
        </edXML:DocumentType>
        <edXML:Subject>V/v kết nối, liên thông phần mềm quản lý văn bản</edXML:Subject>
        <edXML:Content>V/v kết nối, liên thông phần mềm quản lý văn bản</edXML:Content>
        <edXML:SignerInfo>
          <edXML:Competence>TL. BO TRUONG</edXML:Competence>
          <edXML:Position>Cuc truong cuc ung dung cong nghe thong tin</edXML:Position>
          <edXML:FullName>Nguyen Thanh Phuc</edXML:FullName>
        </edXML:SignerInfo>
        <edXML:DueDate>2018/09/28</edXML:DueDate>
        <edXML:OtherInfo>
          <edXML:Priority>0</edXML:Priority>
          <edXML:SphereOfPromulgation>Liên thông văn bản quốc gia</edXML:SphereOfPromulgation>
          <edXML:TyperNotation>TVC</edXML:TyperNotation>
          <edXML:PromulgationAmount>2</edXML:PromulgationAmount>
          <edXML:PageAmount>22</edXML:PageAmount>
          <edXML:Direction>false</edXML:Direction>
          <edXML:Appendixes>
            <edXML:Appendix>Công văn về việc kết nối</edXML:Appendix>
          </edXML:Appendixes>
        </edXML:OtherInfo>
        <edXML:SteeringType>1</edXML:SteeringType>
        <edXML:ToPlaces>
          <edXML:Place>Cac bo va co quan ngang bo</edXML:Place>
          <edXML:Place>Uy ban nhan dan cac tinh, TP</edXML:Place>
        </edXML:ToPlaces>
      </edXML:MessageHeader>
      <edXML:TraceHeaderList>
        <edXML:TraceHeader>
          <edXML:OrganId>000.00.00.G22</edXML:OrganId>
          <edXML:Timestamp>2018/09/28 00:00:00</edXML:Timestamp>
        </edXML:TraceHeader>
        <edXML:Bussiness>
          <edXML:DocumentId>000.00.00.G22,2014/02/28,7806/VPCP-TTĐT</edXML:DocumentId>
          <edXML:BussinessDocType>0</edXML:BussinessDocType>
          <edXML:BussinessDocReason>Văn bản điện tử mới</edXML:BussinessDocReason>
          <edXML:Paper>0</edXML:Paper>
          <edXML:StaffInfo>
            <edXML:Department>Văn thư văn phòng</edXML:Department>
            <edXML:Staff>Nguyễn Thị Ngọc Trâm</edXML:Staff>
            <edXML:Email>vanthuvanphong@gov.vn</edXML:Email>
            <edXML:Mobile>84912000001</edXML:Mobile>
          </edXML:StaffInfo>
        </edXML:Bussiness>
      </edXML:TraceHeaderList>
      <Signature>
        <SignedInfo>
          <CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315" />
        </SignedInfo>
      </Signature>
    </edXML:edXMLHeader>
    <edXML:edXMLBody>
      <edXML:edXMLManifest version="1.0">
        <edXML:Reference>
          <edXML:ContentId>cid:209</edXML:ContentId>
          <edXML:ContentType>application/zip</edXML:ContentType>
          <edXML:Description>1896_QD-TTg_m_294779.doc</edXML:Description>
          <edXML:AttachmentName>1896_QD-TTg_m_294779.doc</edXML:AttachmentName>
        </edXML:Reference>
      </edXML:edXMLManifest>
    </edXML:edXMLBody>
  </edXML:edXMLEnvelope>
  <AttachmentEncoded>
    <Attachment>
      <ContentId>cid:209</ContentId>
      <AttachmentName>1896_QD-TTg_m_294779.doc</AttachmentName>
      <Description>1896_QD-TTg_m_294779.doc</Description>
      <ContentType>application/zip</ContentType>
      <edXML:ContentTransferEncoded xmlns:edXML="${NS}">UEsDBBQACAgIAEuSPE0A
AAAAAAAAAAAAAAAAAA==</edXML:ContentTransferEncoded>
    </Attachment>
  </AttachmentEncoded>
</edXML>
`;

describe('parseEdxml on the official sample shape', () => {
  it('reads every block of edoc_new.edxml', async () => {
    const r = await parseEdxml(officialShape);
    expect(r.ok).toBe(true);
    if (!r.ok || r.value.kind !== 'document') throw new Error('expected a document package');
    const p = r.value;
    expect(p.header.from?.organId).toBe('002.00.20.H13');
    expect(p.header.to).toHaveLength(1);
    expect(p.header.to[0]?.organizationInCharge).toBe(' UBND xã Hòa Sơn');
    expect(p.header.code).toEqual({ codeNumber: '74', codeNotation: 'VPCP-TTĐT' });
    expect(p.header.documentType).toEqual({ type: 1, typeDetail: 0, typeName: 'Công văn' });
    expect(p.header.otherInfo?.direction).toBe(false);
    expect(p.header.otherInfo?.appendixes).toEqual(['Công văn về việc kết nối']);
    expect(p.header.steeringType).toBe(1);
    expect(p.header.toPlaces).toEqual(['Cac bo va co quan ngang bo', 'Uy ban nhan dan cac tinh, TP']);
    expect(p.traceHeaderList?.traceHeaders).toEqual([{ organId: '000.00.00.G22', timestamp: '2018/09/28 00:00:00' }]);
    expect(p.traceHeaderList?.bussiness?.bussinessDocType).toBe(0);
    expect(p.traceHeaderList?.bussiness?.staffInfo?.staff).toBe('Nguyễn Thị Ngọc Trâm');
    expect(p.signature?.name).toBe('Signature');
    expect(p.manifest?.version).toBe('1.0');
    expect(p.manifest?.references[0]?.contentId).toBe('cid:209');
    expect(p.attachments).toHaveLength(1);
    expect(p.attachments[0]?.size).toBe(28);
    const bytes = await readAll(p.attachments[0]!.stream());
    expect(Array.from(bytes.slice(0, 4))).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });

  it('gives the same package from a stream in tiny chunks', async () => {
    const bytes = new TextEncoder().encode(officialShape);
    const whole = await parseEdxml(bytes);
    for (const size of [1, 7, 64]) {
      const streamed = await parseEdxml(chunked(bytes, size));
      expect(streamed.ok).toBe(true);
      if (!streamed.ok || !whole.ok) throw new Error('parse failed');
      expect(await plain(streamed.value)).toEqual(await plain(whole.value));
    }
  });

  it('reports the same location for an error whatever the chunking', async () => {
    const broken = officialShape.replace('<edXML:Subject>', '<edXML:Subject>x &nbsp; y');
    const bytes = new TextEncoder().encode(broken);
    const whole = await parseEdxml(bytes);
    const streamed = await parseEdxml(chunked(bytes, 5));
    expect(whole.ok).toBe(false);
    if (whole.ok || streamed.ok) throw new Error('expected errors');
    expect(whole.errors[0]?.code).toBe('XML_ENTITY_UNKNOWN');
    expect(streamed.errors[0]?.code).toBe('XML_ENTITY_UNKNOWN');
    expect(whole.errors[0]?.location?.path).toBe('/edXML/edXMLEnvelope/edXMLHeader/MessageHeader/Subject');
  });

  it('locates errors by line and column in characters, in Vietnamese by default and English on request', async () => {
    const xml = `<edXML xmlns="${NS}">\n  <edXML:edXMLEnvelope xmlns:edXML="${NS}">\n    <ờ>x</ơ>`;
    const vi = await parseEdxml(xml);
    const en = await parseEdxml(xml, { lang: 'en' });
    if (vi.ok || en.ok) throw new Error('expected errors');
    expect(vi.errors[0]).toMatchObject({ code: 'XML_TAG_MISMATCH', location: { line: 3, column: 9 } });
    expect(vi.errors[0]?.message).toContain('không khớp');
    expect(en.errors[0]?.message).toContain('does not match');
  });

  it('reads status packages, including the older Bkav <Status> block', async () => {
    for (const code of sampleStatusCodes) {
      const xml = buildEdxml(sampleStatusPackage(code));
      const r = await parseEdxml(xml);
      expect(r.ok && r.value.kind === 'status' && r.value.header.statusCode).toBe(code);
    }
    const bkav = buildEdxml({ ...sampleStatusPackage('03'), headerElement: 'Status' });
    expect(bkav).toContain('<edXML:Status>');
    const r = await parseEdxml(bkav);
    expect(r.ok && r.value.kind === 'status' && r.value.headerElement).toBe('Status');
  });
});

describe('buildEdxml', () => {
  it('writes the namespace, the edXML prefix, Bussiness and the sample element order', () => {
    const xml = buildEdxml(sampleDocumentPackage('replace'));
    expect(xml).toContain(`<edXML xmlns="${NS}">`);
    expect(xml).toContain(`<edXML:edXMLEnvelope xmlns:edXML="${NS}">`);
    expect(xml).toContain('<edXML:Bussiness>');
    expect(xml).toContain('<edXML:DocumentId>000.00.00.G22,2024/03/12,16/VPCP-TTĐT</edXML:DocumentId>');
    const order = ['From', 'To', 'DocumentId', 'Code', 'PromulgationInfo', 'DocumentType', 'Subject', 'Content', 'SignerInfo', 'DueDate', 'OtherInfo', 'SteeringType', 'ToPlaces'];
    const positions = order.map((el) => xml.indexOf(`<edXML:${el}>`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(xml.indexOf('<AttachmentEncoded>')).toBeGreaterThan(xml.indexOf('</edXML:edXMLEnvelope>'));
    expect(xml).toContain('<edXML:ReplacementInfoList>');
  });

  it('streams the same bytes as the string builder', async () => {
    const pkg = sampleDocumentPackage('update', new Uint8Array(100_000).map((_, i) => i * 7));
    const streamed = new TextDecoder().decode(await readAll(buildEdxmlStream(pkg)));
    expect(streamed).toBe(buildEdxml(pkg));
  });

  it.each(['new', 'revoke', 'update', 'replace'] as const)('builds a conformant %s document package that round-trips', async (kind) => {
    const pkg = sampleDocumentPackage(kind);
    const xml = buildEdxml(pkg);
    const report = await checkEdxml(xml);
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.kind).toBe('document');
    const back = await parseEdxml(xml);
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    expect(await plain(back.value)).toEqual(await plain(pkg));
  });

  it.each(sampleStatusCodes)('builds a conformant status package %s', async (code) => {
    const report = await checkEdxml(buildEdxml(sampleStatusPackage(code)));
    expect(report).toMatchObject({ ok: true, kind: 'status' });
    expect(report.issues).toEqual([]);
  });

  it('keeps unknown extension elements and writes them back', async () => {
    const xml = officialShape.replace(
      '</edXML:MessageHeader>',
      '<vp:Extra xmlns:vp="urn:vpcp:ext" level="2">giữ <vp:b>nguyên</vp:b></vp:Extra></edXML:MessageHeader>',
    );
    const r = await parseEdxml(xml);
    if (!r.ok) throw new Error('parse failed');
    expect(r.warnings.map((w) => w.code)).toContain('EDXML_UNKNOWN_ELEMENT');
    const rebuilt = buildEdxml(r.value);
    expect(rebuilt).toContain('<vp:Extra xmlns:vp="urn:vpcp:ext" level="2">giữ <vp:b>nguyên</vp:b></vp:Extra>');
    const again = await parseEdxml(rebuilt);
    if (!again.ok) throw new Error('reparse failed');
    expect(await plain(again.value)).toEqual(await plain(r.value));
  });
});
