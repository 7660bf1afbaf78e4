import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf, pdfsig, qpdfCheck, tempDir, writeTemp } from '../node/test-support/fixtures.js';
import { serveApp } from '../node/serve.js';
import { startTimestampServer, type LocalServer } from '../node/tsa-server.js';
import { createDemoPki, type DemoPki } from '../testing/pki.js';
import { createTimestampResponse } from '../testing/tsa.js';
import { installFakeVgcaPlugin, type FakeVgcaPlugin } from '../testing/vgca-fake.js';
import { verifyPdf } from '../verify/verify-pdf.js';
import { vgcaAvailable, vgcaSignPdf, VGCA_KIND_FOR } from './vgca-plugin.js';

let pki: DemoPki;
let server: LocalServer;
let tsa: LocalServer;
let plugin: FakeVgcaPlugin;
const page: Record<string, unknown> = {};
const files = new Map<string, Uint8Array>();

beforeAll(async () => {
  pki = await createDemoPki();
  tsa = await startTimestampServer((req) => createTimestampResponse(req, pki.tsa));
  const app = new Hono();
  app.get('/files/:name', (c) => {
    const f = files.get(c.req.param('name'));
    return f ? c.body(f as Uint8Array<ArrayBuffer>, 200, { 'content-type': 'application/pdf' }) : c.notFound();
  });
  app.post('/upload', async (c) => {
    const body = await c.req.parseBody();
    const file = body.uploadfile;
    if (!(file instanceof File)) return c.text('no file', 400);
    const name = `signed-${files.size}.pdf`;
    files.set(name, new Uint8Array(await file.arrayBuffer()));
    return c.json({ FileServer: `${new URL(c.req.url).origin}/files/${name}` });
  });
  server = await serveApp(app);
  plugin = installFakeVgcaPlugin(
    { signerFor: (kind) => pki.signerFor(kind === 'issued' || kind === 'copy' ? pki.seal : pki.signer), sign: { timestamp: { url: tsa.url } } },
    page,
  );
});
afterAll(async () => {
  plugin.uninstall();
  await server.close();
  await tsa.close();
});

async function serve(name: string): Promise<Uint8Array> {
  const pdf = await makePdf({ text: `Cong van ${name} trang 1` });
  files.set(name, pdf);
  return pdf;
}

describe('VGCA plugin signer (against the fake plugin)', () => {
  it('maps our kinds to the four plugin functions', () => {
    expect(VGCA_KIND_FOR).toEqual({ author: 'approved', seal: 'issued', copy: 'copy', comment: 'comment' });
    expect(vgcaAvailable('issued', page)).toBe(true);
    expect(vgcaAvailable('issued', {})).toBe(false);
  });

  it('leader approves, then the clerk issues with the agency certificate: B-T, pdfsig, qpdf, verifyPdf TOTAL_PASSED', async () => {
    plugin.setBehaviour('sign');
    const original = await serve('cv1.pdf');
    const approved = await vgcaSignPdf(original, { kind: 'approved', fileUrl: `${server.url}/files/cv1.pdf`, uploadHandler: `${server.url}/upload`, target: page, trustAnchors: [pki.root.der] });
    files.set('cv1-approved.pdf', approved);
    const issued = await vgcaSignPdf(approved, {
      kind: 'issued',
      fileUrl: `${server.url}/files/cv1-approved.pdf`,
      uploadHandler: `${server.url}/upload`,
      docNumber: '12/UBND-VP',
      issuedDate: new Date('2026-12-02T03:00:00Z'),
      target: page,
      trustAnchors: [pki.root.der],
    });
    const report = await verifyPdf(issued, { trustAnchors: [pki.root.der] });
    expect(report.signatures.map((s) => [s.indication, s.format, s.signerName])).toEqual([
      ['TOTAL_PASSED', 'PAdES-BASELINE-T', 'Nguyễn Văn A'],
      ['TOTAL_PASSED', 'PAdES-BASELINE-T', 'UBND tỉnh Demo'],
    ]);
    const path = writeTemp(tempDir(), 'vgca.pdf', issued);
    expect(pdfsig(path, ['-nocert'])).toContain('Total document signed');
    expect(qpdfCheck(path).code).toBe(0);
    const call = plugin.calls.at(-1)!;
    expect(call.kind).toBe('issued');
    expect(call.parameters).toMatchObject({ FileName: `${server.url}/files/cv1-approved.pdf`, FileUploadHandler: `${server.url}/upload`, DocNumber: '12/UBND-VP', IssuedDate: '2026-12-02T03:00:00.000Z' });
  });

  it('copy and comment send their metadata', async () => {
    const original = await serve('cv2.pdf');
    const copy = await vgcaSignPdf(original, { kind: 'copy', fileUrl: `${server.url}/files/cv2.pdf`, uploadHandler: `${server.url}/upload`, docNumber: '5/SY-VP', metadata: [{ Key: 'HinhThuc', Value: 'SAO Y' }], target: page });
    expect(plugin.calls.at(-1)!.parameters).toMatchObject({ MetaData: [{ Key: 'HinhThuc', Value: 'SAO Y' }], DocNumber: '5/SY-VP' });
    expect((await verifyPdf(copy, { trustAnchors: [pki.root.der] })).signatures[0]!.signerName).toBe('UBND tỉnh Demo');
    await vgcaSignPdf(original, { kind: 'comment', fileUrl: `${server.url}/files/cv2.pdf`, uploadHandler: `${server.url}/upload`, metadata: [{ Key: 'YKien', Value: 'Đồng ý' }], target: page });
    expect(plugin.calls.at(-1)).toMatchObject({ kind: 'comment', parameters: { MetaData: [{ Key: 'YKien', Value: 'Đồng ý' }] } });
  });

  it('failures: not installed, cancelled, garbage, no answer, a different document uploaded', async () => {
    const original = await serve('cv3.pdf');
    const base = { kind: 'approved' as const, fileUrl: `${server.url}/files/cv3.pdf`, uploadHandler: `${server.url}/upload`, target: page };
    await expect(vgcaSignPdf(original, { ...base, target: {} })).rejects.toMatchObject({ code: 'VGCA_MISSING', vi: /Ban Cơ yếu/ });
    try {
      plugin.setBehaviour('cancel');
      await expect(vgcaSignPdf(original, base)).rejects.toMatchObject({ code: 'VGCA_FAILED', vi: /huỷ/ });
      plugin.setBehaviour('garbage');
      await expect(vgcaSignPdf(original, base)).rejects.toMatchObject({ code: 'REMOTE_GARBAGE' });
      plugin.setBehaviour('silent');
      await expect(vgcaSignPdf(original, { ...base, timeoutMs: 100 })).rejects.toMatchObject({ code: 'REMOTE_TIMEOUT' });
      plugin.setBehaviour('replace');
      await expect(vgcaSignPdf(original, base)).rejects.toMatchObject({ code: 'VGCA_RESULT', en: /not the original/ });
    } finally {
      plugin.setBehaviour('sign');
    }
  });
});
