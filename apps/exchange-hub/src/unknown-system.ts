// What an unknown system id is told. In the sandbox (the default demo seed, or HUB_SANDBOX=1) the hub says so, and
// how to find the seeded system ids: a developer trying a README example with another login learns why at once. A
// configured production hub (HUB_SEED given, HUB_SANDBOX unset) answers exactly what a wrong signature gets, at the
// same cost (the HMAC is computed anyway), so system ids cannot be enumerated; the real reason goes to its own log
// only (`logReason`, never in the answer).
import { HubError } from './hub-error.js';
import type { HubStore } from './store.js';

export async function unknownSystem(store: HubStore, systemId: string, sandbox: boolean | undefined, production: () => HubError): Promise<HubError> {
  if (!sandbox) {
    const e = production();
    e.logReason = 'unknown-system';
    return e;
  }
  const rows = await store.db.selectFrom('systems').select('id').orderBy('id').limit(50).execute();
  const seeded = rows.map((r) => r.id);
  const shown = seeded.length > 0 ? seeded.join(', ') : '—';
  return new HubError('UNKNOWN_SYSTEM', { systemId, seededSystems: seeded }, {
    vi:
      `Hệ thống "${systemId}" chưa được đăng ký trên trục thử nghiệm này. Các hệ thống đã nạp: ${shown}. ` +
      'Trục in danh sách hệ thống và khóa bí mật khi khởi động (pnpm start), cổng thử nghiệm đọc chúng ở /demo/kit.json; ' +
      'hệ thống của bạn được thêm bằng biến HUB_SEED (README của @egov-vn/exchange-hub).',
    en:
      `The system "${systemId}" is not registered on this sandbox hub. Seeded systems: ${shown}. ` +
      'The hub prints the systems and their secrets when it starts (pnpm start), the demo portal reads them at /demo/kit.json; ' +
      'add your own with the HUB_SEED variable (README of @egov-vn/exchange-hub).',
  });
}
