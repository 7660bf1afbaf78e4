import { encodeBase64 } from '@egov-vn/edxml';
import { describe, expect, it } from 'vitest';
import { demoSeed, memoryOfficeBackend } from './memory.js';
import { OfficeBackendError } from './types.js';

const seed = () => demoSeed({ count: 3, today: '2026-12-02' });
const document = {
  type: 'congVan',
  issuer: { name: 'Sở Thông tin và Truyền thông tỉnh Hà Giang', abbreviation: 'STTTT', code: '000.00.01.H53' },
  symbol: 'STTTT-VP',
  place: 'Hà Giang',
  date: '2026-12-02',
  subject: 'Về việc triển khai chữ ký số',
  content: { body: [{ kind: 'paragraph', text: 'Nội dung.' }] },
  signer: { fullName: 'Trần Văn Minh', position: 'Giám đốc' },
  recipients: [{ name: 'Sở Tài chính tỉnh Hà Giang', agencyCode: '000.00.02.H53' }],
  archive: { draftingUnit: 'VP' },
  seal: 'digitalSignature',
};
const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.7\n${text}\n%%EOF\n`);
const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'ok';
  } catch (e) {
    return e instanceof OfficeBackendError ? e.code : String(e);
  }
};

describe('memoryOfficeBackend drafts', () => {
  it('walks a draft through trình ký → ký → cấp số → đóng dấu → gửi with the role of each step', async () => {
    const b = memoryOfficeBackend(seed());
    b.signIn('chuyenvien');
    const created = await b.call('createDraft', { body: { document: { ...document, number: 99 }, recipients: ['000.00.02.H53'] } });
    expect(created).toMatchObject({ state: 'draft', version: 1, issues: [], recipients: [{ code: '000.00.02.H53', name: 'Sở Tài chính tỉnh Hà Giang' }] });
    expect(created.document.number).toBeUndefined();
    expect(await code(b.call('submitDraft', { params: { id: created.id }, body: { signer: 'chuyenvien2' } }))).toBe('VALIDATION_FAILED');
    const submitted = await b.call('submitDraft', { params: { id: created.id }, body: { signer: 'lanhdao' } });
    expect(submitted).toMatchObject({ state: 'submitted', signer: { id: 'lanhdao' }, version: 2 });
    // Only the leader submitted to signs.
    expect(await code(b.call('signDraft', { params: { id: created.id }, body: { pdf: encodeBase64(pdf('a')) } }))).toBe('FORBIDDEN');
    b.signIn('lanhdao');
    expect(await code(b.call('signDraft', { params: { id: created.id }, body: { pdf: encodeBase64(new TextEncoder().encode('not a pdf at all')) } }))).toBe('INVALID_PDF');
    const signed = await b.call('signDraft', { params: { id: created.id }, body: { pdf: encodeBase64(pdf('signed')) } });
    expect(signed.state).toBe('signed');
    expect(signed.pdf?.sha256).toMatch(/^[0-9a-f]{64}$/);
    b.signIn('vanthu');
    const numbered = await b.call('numberDraft', { params: { id: created.id }, body: {} });
    expect(numbered).toMatchObject({ state: 'numbered', number: 1, notation: '01/STTTT-VP', issuedDate: '2026-12-02' });
    const register = await b.call('listRegister', { params: { kind: 'outgoing' }, query: { year: 2026 } });
    expect(register.items).toMatchObject([{ number: 1, codeNotation: 'STTTT-VP', subject: document.subject }]);
    // A seal that is not an incremental update of the signed bytes is refused.
    expect(await code(b.call('sealDraft', { params: { id: created.id }, body: { pdf: encodeBase64(pdf('other bytes, longer than before')) } }))).toBe('INVALID_PDF');
    const signedBytes = b.draftPdf(created.id)!;
    const sealedBytes = new Uint8Array([...signedBytes, ...new TextEncoder().encode('seal update\n%%EOF\n')]);
    const sealed = await b.call('sealDraft', { params: { id: created.id }, body: { pdf: encodeBase64(sealedBytes) } });
    expect(sealed).toMatchObject({ state: 'sealed', sealedBy: { id: 'vanthu' } });
    const sent = await b.call('sendDraft', { params: { id: created.id }, body: {} });
    expect(sent).toMatchObject({ draftId: created.id, notation: '01/STTTT-VP', state: 'sent', recipients: [{ agency: { code: '000.00.02.H53' } }] });
    expect((await b.call('getDraft', { params: { id: created.id } })).state).toBe('sent');
  });

  it('refuses a stale version, an incomplete document at submit, and steps out of order', async () => {
    const b = memoryOfficeBackend(seed());
    const d = await b.call('createDraft', { body: { document: { ...document, subject: '' }, recipients: [] } });
    expect(d.issues.length).toBeGreaterThan(0);
    const updated = await b.call('updateDraft', { params: { id: d.id }, body: { version: 1, recipients: ['000.00.02.H53'] } });
    expect(updated.version).toBe(2);
    expect(await code(b.call('updateDraft', { params: { id: d.id }, body: { version: 1, document } }))).toBe('VERSION_CONFLICT');
    expect(await code(b.call('submitDraft', { params: { id: d.id }, body: { signer: 'lanhdao' } }))).toBe('INVALID_DOCUMENT');
    expect(await code(b.call('numberDraft', { params: { id: d.id }, body: {} }))).toBe('INVALID_STATE');
    const fixed = await b.call('updateDraft', { params: { id: d.id }, body: { version: 2, document } });
    expect(fixed.issues).toEqual([]);
    const secret = await b.call('updateDraft', { params: { id: d.id }, body: { version: 3, document: { ...document, secrecy: 'mat' } } });
    expect(await code(b.call('submitDraft', { params: { id: secret.id }, body: { signer: 'lanhdao' } }))).toBe('SECRET_DOCUMENT');
  });
});
