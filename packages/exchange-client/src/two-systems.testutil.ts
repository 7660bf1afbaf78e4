// The exchange the client's mock tests run on: two systems — the Government Office sends, the province receives — a
// client for each, and an edXML package from one to the other.
import { buildEdxml } from '@egov-vn/edxml';
import { sampleDocumentPackage } from '@egov-vn/edxml/testing';
import { ExchangeClient } from './index.js';

export const baseUrl = 'https://hub.example.gov.vn';
export const SENDER = '000.00.00.G22';
export const RECEIVER = '000.00.00.H49';

/** The mock's seed: one system per agency. */
export const twoSystemsSeed = {
  systems: [
    { systemId: 'sys.vpcp', secret: 'secret-vpcp-123', agencies: [{ code: SENDER, name: 'Văn phòng Chính phủ' }] },
    { systemId: 'sys.qn', secret: 'secret-qn-123', agencies: [{ code: RECEIVER, name: 'Ủy ban nhân dân tỉnh Quảng Ninh' }] },
  ],
};

/** A client of each system (no retries: a test sees the first answer). */
export function twoClients(): { sender: ExchangeClient; receiver: ExchangeClient } {
  return {
    sender: new ExchangeClient({ baseUrl, systemId: 'sys.vpcp', secret: 'secret-vpcp-123', retries: 0 }),
    receiver: new ExchangeClient({ baseUrl, systemId: 'sys.qn', secret: 'secret-qn-123', retries: 0 }),
  };
}

/** A công văn from SENDER to RECEIVER numbered `number` (and with a sphere of promulgation when given). */
export function edxmlToReceiver(number: string, sphere?: string): string {
  const pkg = sampleDocumentPackage('new');
  pkg.header.from = { ...pkg.header.from, organId: SENDER };
  pkg.header.to = [{ organId: RECEIVER, organName: 'Ủy ban nhân dân tỉnh Quảng Ninh' }];
  pkg.header.code = { ...pkg.header.code, codeNumber: number };
  pkg.header.documentId = `${SENDER},2024/03/12,${number}/VPCP-TTĐT`;
  if (sphere !== undefined) pkg.header.otherInfo = { ...pkg.header.otherInfo, sphereOfPromulgation: sphere };
  return buildEdxml(pkg);
}
