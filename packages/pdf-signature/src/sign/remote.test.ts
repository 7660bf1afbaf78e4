import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { makePdf } from '../node/test-support/fixtures.js';
import { createDemoPki, type DemoPki } from '../testing/pki.js';
import { verifyPdf } from '../verify/verify-pdf.js';
import { remoteSigner, type WebSocketLike } from './remote.js';
import { signPdf } from './sign-pdf.js';

let pki: DemoPki;
let server: WebSocketServer;
let base: string;
let cancel = false;
const seen: string[] = [];

beforeAll(async () => {
  pki = await createDemoPki();
  const local = pki.signerFor(pki.signer);
  server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  base = `ws://127.0.0.1:${(server.address() as { port: number }).port}`;
  server.on('connection', (socket, req) => {
    const endpoint = (req.url ?? '').slice(1);
    seen.push(endpoint);
    socket.on('message', (raw: Buffer) => {
      void (async () => {
        const msg = JSON.parse(raw.toString()) as { DataBase64?: string; HashAlgorithm?: 'SHA-256' };
        if (endpoint === 'GetCertInfo') {
          const chain = await local.certificateChain();
          socket.send(JSON.stringify({ Status: 0, CertChain: chain.map((c) => Buffer.from(c).toString('base64')) }));
        } else if (endpoint === 'SignData' && cancel) {
          socket.send(JSON.stringify({ Status: 11, Message: 'Người dùng huỷ' }));
        } else if (endpoint === 'SignData') {
          const sig = await local.sign(new Uint8Array(Buffer.from(msg.DataBase64!, 'base64')), { hash: msg.HashAlgorithm! });
          socket.send(JSON.stringify({ Status: 0, SignatureBase64: Buffer.from(sig).toString('base64') }));
        } else socket.send(JSON.stringify({ Status: 404, Message: 'unknown' }));
      })();
    });
  });
});
afterAll(() => {
  server.close();
});

const factory = (url: string): WebSocketLike => new WebSocket(url) as unknown as WebSocketLike;

describe('remote signer (VGCA-style local WebSocket service)', () => {
  it('gets the chain, signs the signed attributes remotely, and the result verifies', async () => {
    const signer = remoteSigner({ baseUrl: base, webSocket: factory, origin: 'https://portal.example.gov.vn' });
    const signed = await signPdf(await makePdf(), { signer });
    const report = await verifyPdf(signed, { trustAnchors: [pki.root.der] });
    expect(report.signatures[0]!.indication).toBe('TOTAL_PASSED');
    expect(seen).toContain('GetCertInfo');
    expect(seen).toContain('SignData');
  });

  it('reports a user cancellation (Status 11) in Vietnamese', async () => {
    cancel = true;
    const signer = remoteSigner({ baseUrl: base, webSocket: factory });
    await expect(signPdf(await makePdf(), { signer })).rejects.toMatchObject({ code: 'REMOTE_CANCELLED', message: /huỷ/ });
    cancel = false;
  });

  it('fails clearly when no service listens', async () => {
    const signer = remoteSigner({ baseUrl: 'ws://127.0.0.1:1', webSocket: factory, timeoutMs: 5000 });
    await expect(signer.certificateChain()).rejects.toMatchObject({ code: expect.stringMatching(/REMOTE_(CONNECT|CLOSED)/) });
  });
});
