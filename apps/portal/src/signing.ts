// How the portal's users sign, given to the office features through the context. DEMO: the office server's
// server-side demo signer (a signing relay in front of a CSC mock holding the demo CA's keys, confirmed on a DEMO
// phone page); the browser sends only the user's token to it and never holds a private key. Signatures are checked
// against the sandbox hub's trust anchors and timestamped by its DEMO timestamp authority (both public, passed
// through the portal's origin under /hub).
import type { OfficeAgency, OfficeHost } from '@egov-vn/office-elements';
import { remoteSigningProvider } from '@egov-vn/signature-elements';
import { getToken } from './session.js';

/** DEMO: the three demo agencies as their documents name them (Nghị định 30: governing body, abbreviation, place). */
const DEMO_AGENCIES: Record<string, Omit<OfficeAgency, 'code' | 'name'>> = {
  '000.00.01.H49': { abbreviation: 'VP', place: 'Quảng Ninh', parentName: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH', draftingUnit: 'TH' },
  '000.00.02.H49': { abbreviation: 'SNV', place: 'Quảng Ninh', parentName: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH', draftingUnit: 'VP' },
  '000.00.03.H49': { abbreviation: 'STC', place: 'Quảng Ninh', parentName: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH', draftingUnit: 'VP' },
};

export function agencyOf(code: string, name: string): OfficeAgency {
  return { code, name, ...DEMO_AGENCIES[code] };
}

/** The phone stand-in where the demo signer confirms (DEMO). */
export function phoneUrl(role: string, agency: string): string {
  return `/demo/signing/phone?user=${encodeURIComponent(`${role}@${agency}`)}`;
}

let anchors: Promise<string[]> | undefined;

/** The sandbox hub's trust anchors (PEM), fetched once. */
export function trustAnchors(): Promise<string[]> {
  anchors ??= fetch('/hub/v1/trust-anchors')
    .then((r) => (r.ok ? r.text() : ''))
    .then((pem) => (pem.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? []).map((b) => `${b}\n`))
    .catch(() => {
      anchors = undefined;
      return [];
    });
  return anchors;
}

/** The signing part of the office context. */
export function signingContext(): Pick<OfficeHost, 'signers' | 'timestamp'> {
  const remote = remoteSigningProvider({
    relayUrl: new URL('/demo/signing/relay', window.location.origin).href,
    headers: async () => ({ authorization: `Bearer ${await getToken()}` }),
    label: { vi: 'Ký số từ xa (thử nghiệm)', en: 'Remote signing (demo)' },
    hint: {
      vi: 'DEMO: khóa ký nằm ở dịch vụ ký số thử nghiệm của máy chủ văn phòng; xác nhận trên trang “điện thoại” thử nghiệm.',
      en: 'DEMO: the key sits in the office server’s demo signing service; confirm on the demo “phone” page.',
    },
  });
  return {
    signers: [remote],
    timestamp: { url: new URL('/hub/demo/tsa', window.location.origin).href },
  };
}
