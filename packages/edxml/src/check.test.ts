import { describe, expect, it } from 'vitest';
import { buildEdxml, checkEdxml, checkEdxmlPackage, type EdxmlIssueCode } from './index.js';
import { sampleDocumentPackage, sampleStatusPackage } from './fixtures.js';

const doc = buildEdxml(sampleDocumentPackage('new'));
const replace = buildEdxml(sampleDocumentPackage('replace'));
const update = buildEdxml(sampleDocumentPackage('update'));
const status = buildEdxml(sampleStatusPackage('03'));

function edit(xml: string, from: string | RegExp, to: string): string {
  const out = xml.replace(from, to);
  if (out === xml) throw new Error(`edit did not apply: ${String(from)}`);
  return out;
}

/** [name, broken input, expected code, expected path suffix] */
const broken: Array<[string, string, EdxmlIssueCode, string]> = [
  ['no From', edit(doc, /<edXML:From>[\s\S]*?<\/edXML:From>\n/, ''), 'EDXML_REQUIRED', '/MessageHeader'],
  ['no To', edit(doc, /<edXML:To>[\s\S]*?<\/edXML:To>\n/, ''), 'EDXML_REQUIRED', '/MessageHeader'],
  ['bad sender code', edit(doc, '<edXML:OrganId>000.00.00.G22</edXML:OrganId>', '<edXML:OrganId>G22</edXML:OrganId>'), 'EDXML_ORGAN_ID_FORMAT', '/From/OrganId'],
  ['bad recipient code', edit(doc, '<edXML:OrganId>000.00.00.H49</edXML:OrganId>', '<edXML:OrganId>000.00.00.h49</edXML:OrganId>'), 'EDXML_ORGAN_ID_FORMAT', '/To/OrganId'],
  ['duplicate recipient', edit(doc, '</edXML:To>', '</edXML:To>\n<edXML:To><edXML:OrganId>000.00.00.H49</edXML:OrganId><edXML:OrganName>Lặp</edXML:OrganName></edXML:To>'), 'EDXML_DUPLICATE_RECIPIENT', '/To[2]/OrganId'],
  ['no DocumentId', edit(doc, /<edXML:DocumentId>000.00.00.G22,2024\/03\/12[^<]*<\/edXML:DocumentId>/, ''), 'EDXML_REQUIRED', '/MessageHeader'],
  ['bad DocumentId', edit(doc, '000.00.00.G22,2024/03/12,16/VPCP-TTĐT', 'b9f3c2d0-uuid'), 'EDXML_DOCUMENT_ID_FORMAT', '/MessageHeader/DocumentId'],
  ['DocumentId not matching', edit(doc, '000.00.00.G22,2024/03/12,16/VPCP-TTĐT', '000.00.00.G22,2024/03/12,17/VPCP-TTĐT'), 'EDXML_DOCUMENT_ID_MISMATCH', '/MessageHeader/DocumentId'],
  ['no Code', edit(doc, /<edXML:Code>[\s\S]*?<\/edXML:Code>\n/, ''), 'EDXML_REQUIRED', '/MessageHeader'],
  ['empty CodeNumber', edit(doc, '<edXML:CodeNumber>16</edXML:CodeNumber>', '<edXML:CodeNumber/>'), 'EDXML_REQUIRED', '/Code'],
  ['long CodeNotation', edit(doc, '<edXML:CodeNotation>VPCP-TTĐT</edXML:CodeNotation>', `<edXML:CodeNotation>${'X'.repeat(31)}</edXML:CodeNotation>`), 'EDXML_TOO_LONG', '/Code/CodeNotation'],
  ['impossible date', edit(doc, '<edXML:PromulgationDate>2024/03/12</edXML:PromulgationDate>', '<edXML:PromulgationDate>2024/02/30</edXML:PromulgationDate>'), 'EDXML_DATE_FORMAT', '/PromulgationInfo/PromulgationDate'],
  ['ISO date', edit(doc, '<edXML:DueDate>2024/03/29</edXML:DueDate>', '<edXML:DueDate>2024-03-29</edXML:DueDate>'), 'EDXML_DATE_FORMAT', '/MessageHeader/DueDate'],
  ['no Subject', edit(doc, /<edXML:Subject>[^<]*<\/edXML:Subject>/, '<edXML:Subject>  </edXML:Subject>'), 'EDXML_REQUIRED', '/MessageHeader'],
  ['long Subject', edit(doc, /<edXML:Subject>[^<]*</, `<edXML:Subject>${'trích yếu '.repeat(60)}<`), 'EDXML_TOO_LONG', '/MessageHeader/Subject'],
  ['no SignerInfo', edit(doc, /<edXML:SignerInfo>[\s\S]*?<\/edXML:SignerInfo>\n/, ''), 'EDXML_REQUIRED', '/MessageHeader'],
  ['priority 5', edit(doc, '<edXML:Priority>1</edXML:Priority>', '<edXML:Priority>5</edXML:Priority>'), 'EDXML_RANGE', '/OtherInfo/Priority'],
  ['priority not a number', edit(doc, '<edXML:Priority>1</edXML:Priority>', '<edXML:Priority>Khẩn</edXML:Priority>'), 'EDXML_NOT_INTEGER', '/OtherInfo/Priority'],
  ['steering type 7', edit(doc, '<edXML:SteeringType>1</edXML:SteeringType>', '<edXML:SteeringType>7</edXML:SteeringType>'), 'EDXML_RANGE', '/MessageHeader/SteeringType'],
  ['direction yes', edit(doc, '<edXML:Direction>false</edXML:Direction>', '<edXML:Direction>có</edXML:Direction>'), 'EDXML_NOT_BOOLEAN', '/OtherInfo/Direction'],
  ['repeated Subject', edit(doc, '<edXML:Content>', '<edXML:Subject>Hai lần</edXML:Subject><edXML:Content>'), 'EDXML_DUPLICATE_ELEMENT', '/MessageHeader/Subject[2]'],
  ['bad trace timestamp', edit(doc, '2024/03/12 09:30:00', '2024-03-12T09:30:00'), 'EDXML_TIMESTAMP_FORMAT', '/TraceHeader/Timestamp'],
  ['BussinessDocType 9', edit(doc, '<edXML:BussinessDocType>0</edXML:BussinessDocType>', '<edXML:BussinessDocType>9</edXML:BussinessDocType>'), 'EDXML_RANGE', '/Bussiness/BussinessDocType'],
  ['replace without ReplacementInfo', edit(replace, /<edXML:ReplacementInfoList>[\s\S]*?<\/edXML:ReplacementInfoList>\n/, ''), 'EDXML_REPLACEMENT_REQUIRED', '/Bussiness'],
  ['update without BussinessDocumentInfo', edit(update, /<edXML:BussinessDocumentInfo>[\s\S]*?<\/edXML:BussinessDocumentInfo>\n/, ''), 'EDXML_UPDATE_INFO_REQUIRED', '/Bussiness'],
  ['manifest cid without attachment', edit(doc, '<edXML:ContentId>cid:1</edXML:ContentId>', '<edXML:ContentId>cid:2</edXML:ContentId>'), 'EDXML_CID_NO_ATTACHMENT', '/Reference/ContentId'],
  ['cid without prefix', edit(edit(doc, '<edXML:ContentId>cid:1</edXML:ContentId>', '<edXML:ContentId>1</edXML:ContentId>'), '<ContentId>cid:1</ContentId>', '<ContentId>1</ContentId>'), 'EDXML_CID_FORMAT', '/Reference/ContentId'],
  ['broken base64', edit(doc, /(<edXML:ContentTransferEncoded[^>]*>)/, '$1***'), 'EDXML_BASE64_INVALID', '/Attachment/ContentTransferEncoded'],
  ['no envelope', `<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016"/>`, 'EDXML_REQUIRED', '/edXML'],
  ['wrong namespace', edit(doc, '<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">', '<edXML xmlns="urn:other">'), 'EDXML_ROOT', '/edXML'],
  ['secret document', edit(doc, '<edXML:SphereOfPromulgation>Liên thông văn bản quốc gia<', '<edXML:SphereOfPromulgation>Tối mật<'), 'EDXML_SECRET_DOCUMENT', '/OtherInfo/SphereOfPromulgation'],
  ['text in a block', edit(doc, '<edXML:From>', '<edXML:From>chữ lạc'), 'EDXML_UNEXPECTED_TEXT', '/MessageHeader/From'],
  ['element in a leaf', edit(doc, '<edXML:Place>Hà Nội</edXML:Place>', '<edXML:Place>Hà <edXML:b>Nội</edXML:b></edXML:Place>'), 'EDXML_UNEXPECTED_CHILDREN', '/PromulgationInfo/Place'],
  ['no header', `<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016"><edXML:edXMLEnvelope xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016"/></edXML>`, 'EDXML_REQUIRED', '/edXMLEnvelope'],
  ['unknown kind', `<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016"><edXML:edXMLEnvelope xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016"><edXML:edXMLHeader/></edXML:edXMLEnvelope></edXML>`, 'EDXML_KIND_UNKNOWN', '/edXMLHeader'],
  ['unknown status code', edit(status, '<edXML:StatusCode>03</edXML:StatusCode>', '<edXML:StatusCode>09</edXML:StatusCode>'), 'EDXML_STATUS_CODE_UNKNOWN', '/MessageHeader/StatusCode'],
  ['status without ResponseFor', edit(status, /<edXML:ResponseFor>[\s\S]*?<\/edXML:ResponseFor>\n/, ''), 'EDXML_REQUIRED', '/MessageHeader'],
  ['status bad timestamp', edit(status, '<edXML:Timestamp>2024/03/12 10:15:00</edXML:Timestamp>', '<edXML:Timestamp>2024/03/12 25:15:00</edXML:Timestamp>'), 'EDXML_TIMESTAMP_FORMAT', '/MessageHeader/Timestamp'],
];

describe('checkEdxml on hand-broken variants', () => {
  it('starts from a conformant package, so each variant fails for its own edit', async () => {
    const report = await checkEdxml(doc);
    expect(report.issues).toEqual([]);
    expect(report.ok).toBe(true);
    for (const [name, xml] of broken) expect({ name, same: xml === doc }).toEqual({ name, same: false });
  });

  // DocumentId problems are warnings (severity in issues.ts); every other variant is an error.
  const warnings = new Set(['bad DocumentId', 'DocumentId not matching']);

  it.each(broken)('%s', async (name, xml, code, pathSuffix) => {
    const report = await checkEdxml(xml);
    const hit = report.issues.find((i) => i.code === code);
    expect(report.issues.map((i) => i.code)).toContain(code);
    expect(hit?.location?.path.endsWith(pathSuffix)).toBe(true);
    // an error makes the package non-conformant, a warning alone does not; every issue is located by line and column
    expect(hit?.severity).toBe(warnings.has(name) ? 'warning' : 'error');
    expect(report.ok).toBe(warnings.has(name));
    expect(hit?.location?.line).toBeGreaterThan(0);
    expect(hit?.location?.column).toBeGreaterThan(0);
  });

  it('reports all problems, not only the first', async () => {
    let xml = edit(doc, '<edXML:Priority>1</edXML:Priority>', '<edXML:Priority>5</edXML:Priority>');
    xml = edit(xml, '<edXML:DueDate>2024/03/29</edXML:DueDate>', '<edXML:DueDate>29/03/2024</edXML:DueDate>');
    xml = edit(xml, '<edXML:SteeringType>1</edXML:SteeringType>', '<edXML:SteeringType>3</edXML:SteeringType>');
    const report = await checkEdxml(xml, { lang: 'en' });
    const codes = report.issues.map((i) => i.code);
    expect(codes).toEqual(['EDXML_DATE_FORMAT', 'EDXML_RANGE', 'EDXML_RANGE']);
    expect(report.issues[0]?.message).toBe('Date "29/03/2024" is not a real date in the form yyyy/MM/dd.');
  });

  it('checks packages in memory with element paths', () => {
    const pkg = sampleDocumentPackage('new');
    pkg.header.to = [];
    const issues = checkEdxmlPackage(pkg);
    expect(issues).toEqual([
      expect.objectContaining({ code: 'EDXML_REQUIRED', location: { path: '/edXML/edXMLEnvelope/edXMLHeader/MessageHeader' } }),
    ]);
  });
});
