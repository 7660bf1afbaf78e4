// The CI-sized chaos run (the full one is `pnpm --filter @egov-vn/exchange-hub chaos`, see chaos/): two hub processes
// on one fresh PostgreSQL database behind the fault proxy (30 % of connections dropped, delayed, reset or truncated),
// one SIGKILL and restart in the middle, native and axis clients sending with idempotency keys, receivers reporting
// statuses. Then: nothing lost, nothing duplicated, given-up sends resolved by key, statuses forward only, no orphans.
import { describe, expect, it } from 'vitest';
import { formatChaosReport, runChaos } from '../chaos/run.js';

const adminUrl = process.env['TEST_DATABASE_URL'];

describe.runIf(adminUrl)('chaos (CI size, PostgreSQL from TEST_DATABASE_URL)', () => {
  it('200 sends through 30 % faulted connections to two instances, one SIGKILLed: exactly once', async () => {
    const report = await runChaos({
      adminUrl: adminUrl!,
      sends: 200,
      clients: 10,
      axisClients: 2,
      receivers: 3,
      instances: 2,
      faultRate: 0.3,
      killEveryMs: 0,
      killAtSend: 60,
      seed: 2201,
    });
    console.log(formatChaosReport(report));
    expect(report.sent).toBe(200);
    expect(report.kills).toBe(1);
    // The proxy really faulted connections, of every kind.
    expect(report.faultedShare).toBeGreaterThan(0.15);
    for (const n of Object.values(report.proxy.faulted)) expect(n).toBeGreaterThan(0);
    expect(report.lost).toBe(0);
    expect(report.duplicated).toBe(0);
    expect(report.delivered).toBe(report.expectedDeliveries);
    expect(report.acknowledged + report.gaveUp).toBe(200);
    expect(report.clientWrong).toBe(0);
    expect(report.statusBackwards).toBe(0);
    expect(report.statusesRecorded).toBeGreaterThan(0);
    expect(report.orphans).toEqual({ documentsWithoutAllDeliveries: 0, statusesWithoutDelivery: 0, deliveriesWithoutDocument: 0 });
    expect(report.indexesChecked).toBeGreaterThan(5);
  }, 300_000);
});
