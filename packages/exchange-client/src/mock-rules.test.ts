// The mock applies the kit's shared rules (from @egov-vn/schemas), as the hub does: the status order
// (canRecordStatus) and the secret-document guard (isSecretClassification).
import { buildEdxml } from '@egov-vn/edxml';
import { sampleDocumentPackage } from '@egov-vn/edxml/testing';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExchangeClient, ExchangeError } from './index.js';
import { createExchangeMock } from './mock.js';

const baseUrl = 'https://hub.example.gov.vn';
const SENDER = '000.00.00.G22';
const RECEIVER = '000.00.00.H49';
const mock = createExchangeMock({
  baseUrl,
  seed: {
    systems: [
      { systemId: 'sys.vpcp', secret: 'secret-vpcp-123', agencies: [{ code: SENDER, name: 'Văn phòng Chính phủ' }] },
      { systemId: 'sys.qn', secret: 'secret-qn-123', agencies: [{ code: RECEIVER, name: 'Ủy ban nhân dân tỉnh Quảng Ninh' }] },
    ],
  },
});
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

let serial = 0;
function edxml(sphere?: string): string {
  const pkg = sampleDocumentPackage('new');
  pkg.header.from = { ...pkg.header.from, organId: SENDER };
  pkg.header.to = [{ organId: RECEIVER, organName: 'Ủy ban nhân dân tỉnh Quảng Ninh' }];
  pkg.header.documentId = `${SENDER},2024/03/12,${++serial}/VPCP-TTĐT`;
  if (sphere !== undefined) pkg.header.otherInfo = { ...pkg.header.otherInfo, sphereOfPromulgation: sphere };
  return buildEdxml(pkg);
}

const sender = new ExchangeClient({ baseUrl, systemId: 'sys.vpcp', secret: 'secret-vpcp-123', retries: 0 });
const receiver = new ExchangeClient({ baseUrl, systemId: 'sys.qn', secret: 'secret-qn-123', retries: 0 });

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
