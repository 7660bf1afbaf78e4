// The mock applies the kit's shared rules (from @egov-vn/schemas), as the hub does: the status order
// (canRecordStatus) and the secret-document guard (isSecretClassification).
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExchangeError } from './index.js';
import { createExchangeMock } from './mock.js';
import { baseUrl, edxmlToReceiver, RECEIVER, twoClients, twoSystemsSeed } from './two-systems.testutil.js';

const mock = createExchangeMock({ baseUrl, seed: twoSystemsSeed });
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

let serial = 0;
const edxml = (sphere?: string) => edxmlToReceiver(String(++serial), sphere);

const { sender, receiver } = twoClients();

async function record(codes: string[]): Promise<string[]> {
  const { documentId } = await sender.sendDocument({ edxml: edxml() });
  const refused: string[] = [];
  for (const code of codes) {
    try {
      await receiver.updateStatus(documentId, { code: code as '01' });
    } catch (e) {
      if (!(e instanceof ExchangeError) || e.code !== 'STATUS_OUT_OF_ORDER') throw e;
      refused.push(code);
    }
  }
  return refused;
}

describe('the mock follows the shared status rule', () => {
  it('records 01 → 13 → 03 → 02 and refuses what follows a closed chain', async () => {
    expect(await record(['01', '13', '03', '02', '04'])).toEqual(['04']);
  });

  it('refuses 02 after 06 and going back', async () => {
    expect(await record(['01', '04', '03', '06', '02'])).toEqual(['03', '02']);
  });
});

describe('the mock refuses secret documents in any spelling', () => {
  it.each(['Mật'.normalize('NFD'), 'Tối\u00a0mật', 'Tuyệt\u200b mật', 'MAT', 'Độ mật: Mật'])('refuses %j', async (sphere) => {
    await expect(sender.sendDocument({ edxml: edxml(sphere) })).rejects.toMatchObject({ code: 'SECRET_DOCUMENT' });
  });

  it('still sends an ordinary document', async () => {
    await expect(sender.sendDocument({ edxml: edxml('Thường') })).resolves.toMatchObject({ recipients: [{ agency: RECEIVER }] });
  });
});
