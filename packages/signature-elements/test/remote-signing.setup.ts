/**
 * Vitest global setup (Node): a CSC v2 mock on the demo PKI and the signing relay in front of it, over real HTTP,
 * for the browser tests of the remote flow. The relay holds the client secret; the browser only gets the relay's URL
 * (and the secret's value, to search every request and response for it).
 */
import { serveApp } from '@egov-vn/pdf-signature/node';
import { createSigningRelay } from '@egov-vn/pdf-signature/relay';
import { createCscMock, createDemoPki } from '@egov-vn/pdf-signature/testing';
import type { TestProject } from 'vitest/node';

const SECRET = 'csc-client-secret-7c1e9a';

/** Lets the test page (another origin) call the servers. */
function cors(app: { fetch: (r: Request) => Response | Promise<Response> }) {
  return {
    fetch: async (request: Request): Promise<Response> => {
      const origin = request.headers.get('origin') ?? '*';
      const headers = {
        'access-control-allow-origin': origin,
        'access-control-allow-credentials': 'true',
        'access-control-allow-methods': 'GET, POST, DELETE',
        'access-control-allow-headers': 'authorization, content-type',
      };
      if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers });
      const response = await app.fetch(request);
      const out = new Response(response.body, response);
      for (const [k, v] of Object.entries(headers)) out.headers.set(k, v);
      return out;
    },
  };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const pki = await createDemoPki({ prefix: 'Remote' });
  const mock = createCscMock({
    credentials: [
      { credentialID: 'nva-dien-thoai', userID: 'u1', identity: pki.signer, description: 'Nguyễn Văn A — xác nhận trên điện thoại' },
      { credentialID: 'nva-pin', userID: 'u1', identity: pki.signer, pin: '123456', description: 'Nguyễn Văn A — mã PIN' },
    ],
    clients: [{ clientId: 'portal', clientSecret: SECRET }],
    outcome: 'manual',
  });
  const service = await serveApp(cors(mock.app));
  const authenticate = (request: Request) => (request.headers.get('authorization') === 'Bearer demo-session' ? { userID: 'u1' } : undefined);
  const relay = await serveApp(cors(createSigningRelay({ service: { baseUrl: service.url, clientId: 'portal', clientSecret: SECRET }, authenticate })));
  const expiring = await serveApp(cors(createSigningRelay({ service: { baseUrl: service.url, clientId: 'portal', clientSecret: SECRET }, authenticate, confirmTimeoutMs: 2500 })));
  project.provide('remoteRelayUrl', relay.url);
  project.provide('remoteExpiringRelayUrl', expiring.url);
  project.provide('remotePhoneUrl', service.url);
  project.provide('remoteSecret', SECRET);
  project.provide('remoteRootDer', Buffer.from(pki.root.der).toString('base64'));
  return async () => {
    await relay.close();
    await expiring.close();
    await service.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    remoteRelayUrl: string;
    remoteExpiringRelayUrl: string;
    remotePhoneUrl: string;
    remoteSecret: string;
    remoteRootDer: string;
  }
}
