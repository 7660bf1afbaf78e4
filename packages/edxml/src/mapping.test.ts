import type { AdministrativeDocument } from '@egov-vn/schemas';
import { describe, expect, it } from 'vitest';
import { fromDocument, toDocument } from './document.js';
import { attachmentFromBytes, buildEdxml, checkEdxml, parseEdxml } from './index.js';
import { sampleDocumentPackage } from './fixtures.js';

const doc: AdministrativeDocument = {
  type: 'congVan',
  issuer: { name: 'Ủy ban nhân dân tỉnh Quảng Ninh', abbreviation: 'UBND', code: '000.00.00.H49' },
  number: 5,
  symbol: 'UBND-VP',
  place: 'Quảng Ninh',
  date: '2024-03-12',
  subject: 'triển khai liên thông văn bản điện tử',
  content: 'Đề nghị các sở, ngành triển khai liên thông văn bản điện tử.',
  signer: { authority: 'KT', onBehalfOf: 'Chủ tịch', position: 'Phó Chủ tịch', fullName: 'Nguyễn Văn An' },
  recipients: [{ name: 'Các sở, ban, ngành' }, { name: 'UBND các huyện, thị xã, thành phố' }],
  urgency: 'thuongKhan',
};
const from = { organId: '000.00.00.H49', organName: 'Ủy ban nhân dân tỉnh Quảng Ninh' };
const to = [{ organId: '000.00.00.G22', organName: 'Văn phòng Chính phủ' }];
const pdf = attachmentFromBytes({ attachmentName: '05-UBND-VP.pdf', contentType: 'application/pdf' }, new Uint8Array([37, 80, 68, 70]));

describe('fromDocument / toDocument', () => {
  it('builds a conformant package from the document model', async () => {
    const r = fromDocument(doc, { from, to, attachments: [pdf], steeringType: 1, sentAt: new Date(Date.UTC(2024, 2, 12, 2, 0, 0)) });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const h = r.value.header;
    expect(h.documentId).toBe('000.00.00.H49,2024/03/12,05/UBND-VP');
    expect(h.code).toEqual({ codeNumber: '05', codeNotation: 'UBND-VP' });
    expect(h.subject).toBe('V/v triển khai liên thông văn bản điện tử');
    expect(h.signerInfo?.competence).toBe('KT. CHỦ TỊCH');
    expect(h.otherInfo?.priority).toBe(2);
    expect(h.documentType?.typeName).toBe('Công văn');
    expect(r.value.traceHeaderList?.traceHeaders[0]?.timestamp).toBe('2024/03/12 09:00:00');
    expect(r.value.traceHeaderList?.bussiness?.bussinessDocType).toBe(0);
    expect(r.value.attachments[0]?.contentId).toBe('cid:1');
    const report = await checkEdxml(buildEdxml(r.value));
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('maps back to the same document', async () => {
    const r = fromDocument(doc, { from, to, attachments: [pdf] });
    if (!r.ok) throw new Error('fromDocument failed');
    const parsed = await parseEdxml(buildEdxml(r.value));
    if (!parsed.ok || parsed.value.kind !== 'document') throw new Error('parse failed');
    const back = toDocument(parsed.value);
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    expect(back.value.document).toMatchObject({
      type: 'congVan',
      number: 5,
      symbol: 'UBND-VP',
      date: '2024-03-12',
      subject: doc.subject,
      signer: doc.signer,
      urgency: 'thuongKhan',
      recipients: doc.recipients,
      issuer: { name: doc.issuer.name, code: '000.00.00.H49', abbreviation: 'UBND' },
    });
    expect(back.value.exchange.priority).toMatchObject({ value: 2, key: 'thuongKhan', vi: 'Thượng khẩn' });
    expect(back.value.exchange.business).toMatchObject({ kind: 'new', vi: 'Văn bản điện tử mới' });
  });

  it('carries replace / revoke / update business and priority 4', () => {
    const r = fromDocument(doc, {
      from,
      to,
      priority: 4,
      business: { kind: 'replace', targetDocumentId: '000.00.00.H49,2024/03/01,03/UBND-VP', replacements: [{ documentId: '000.00.00.H49,2024/03/01,03/UBND-VP', organIds: ['000.00.00.G22'] }] },
    });
    if (!r.ok) throw new Error('fromDocument failed');
    expect(r.value.header.otherInfo?.priority).toBe(4);
    expect(r.value.traceHeaderList?.bussiness).toMatchObject({ bussinessDocType: 3, bussinessDocReason: 'Thay thế văn bản điện tử' });
    const back = toDocument(r.value);
    expect(back.ok && back.value.exchange.business?.replacements).toEqual([{ documentId: '000.00.00.H49,2024/03/01,03/UBND-VP', organIds: ['000.00.00.G22'] }]);
    expect(back.ok && back.value.exchange.priority.key).toBe('hoaTocHenGio');
  });

  it.each(['mat', 'toiMat', 'tuyetMat'] as const)('refuses a secret document (%s)', (secrecy) => {
    const r = fromDocument({ ...doc, secrecy }, { from, to });
    expect(r).toMatchObject({ ok: false, errors: [{ code: 'EDXML_SECRET_DOCUMENT' }] });
  });

  it('refuses an unregistered document and reports model errors', () => {
    const { number: _n, ...draft } = doc;
    expect(fromDocument(draft, { from, to })).toMatchObject({ ok: false, errors: [{ code: 'EDXML_REQUIRED' }] });
    const wrong = fromDocument({ ...doc, symbol: 'QĐ-UBND' }, { from, to, lang: 'en' });
    expect(wrong).toMatchObject({ ok: false, errors: [{ code: 'EDXML_DOCUMENT_MODEL', location: { path: '/symbol' } }] });
  });

  it('reads the sample package into the model with steering type and trace headers', () => {
    const r = toDocument(sampleDocumentPackage('revoke'));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.value.document).toMatchObject({ type: 'congVan', number: 16, symbol: 'VPCP-TTĐT', urgency: 'khan' });
    expect(r.value.exchange.steeringType).toMatchObject({ value: 1, key: 'directive' });
    expect(r.value.exchange.business).toMatchObject({ kind: 'revoke', targetDocumentId: '000.00.00.G22,2024/03/05,15/VPCP-TTĐT' });
    expect(r.value.exchange.trace).toEqual([{ organId: '000.00.00.G22', timestamp: '2024/03/12 09:30:00' }]);
  });
});
