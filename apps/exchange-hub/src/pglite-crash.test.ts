// PGlite (the embedded default) survives SIGKILL: the hub's own main on a DATA_DIR, killed mid-traffic with SIGKILL,
// restarted on the same directory: every send it acknowledged is there with all its deliveries, a resend by key is a
// duplicate (exactly once across the crash), the database answers consistent counts, and new sends work.
import { ExchangeClient } from '@egov-vn/exchange-client';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HubProcess } from '../chaos/supervisor.js';
import { documentPackage, R1, R2, seed } from './test-support.js';

describe('PGlite data directory and SIGKILL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'egov-hub-crash-'));
  let hub: HubProcess | undefined;
  afterAll(async () => {
    await hub?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged send, exactly once, after SIGKILL in the middle of traffic', async () => {
    hub = await HubProcess.create({ env: { DATA_DIR: join(dir, 'hub'), HUB_SEED: JSON.stringify(seed), DATABASE_URL: '' } });
    await hub.start();
    const sender = new ExchangeClient({ baseUrl: hub.url, systemId: 'sys.vpcp', secret: 'secret-vpcp-123', retries: 0, timeout: 10_000 });
    const acked = new Map<string, string>(); // idempotency key → document id
    let n = 0;
    let killed = false;
    const loop = async () => {
      while (!killed) {
        const key = `crash-${++n}`;
        try {
          const r = await sender.sendDocument({ edxml: documentPackage({ number: String(1000 + n) }) }, { idempotencyKey: key });
          acked.set(key, r.documentId);
        } catch {
          // cut by the kill: given up (checked below: stored once or not at all)
        }
      }
    };
    const loops = [loop(), loop(), loop(), loop()];
    while (acked.size < 40) await new Promise((r) => setTimeout(r, 20));
    // SIGKILL with four sends in flight.
    await hub.kill();
    killed = true;
    await Promise.all(loops);
    const sentBeforeKill = n;
    await hub.start();

    const after = new ExchangeClient({ baseUrl: hub.url, systemId: 'sys.vpcp', secret: 'secret-vpcp-123' });
    // Every acknowledged send: a resend with its key is a duplicate naming the same document, delivered to both.
    for (const [key, id] of acked) {
      const m = /crash-(\d+)/.exec(key)!;
      const again = await after.sendDocument({ edxml: documentPackage({ number: String(1000 + Number(m[1])) }) }, { idempotencyKey: key });
      expect(again.duplicate).toBe(true);
      expect(again.documentId).toBe(id);
      expect(again.recipients.map((r) => r.agency).sort()).toEqual([R1, R2].sort());
    }
    // The receiver's inbox has each stored document once per agency, and nothing more than what was sent.
    const receiver = new ExchangeClient({ baseUrl: hub.url, systemId: 'sys.qn', secret: 'secret-qn-123', agency: R1 });
    const seen: string[] = [];
    const notations: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await receiver.listInbox({ limit: 200, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((i) => i.documentId));
      notations.push(...page.items.map((i) => i.notation ?? ''));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    // No package stored twice (each send has its own number), whether acknowledged or cut by the kill.
    expect(new Set(notations).size).toBe(notations.length);
    for (const id of acked.values()) expect(seen).toContain(id);
    expect(seen.length).toBeLessThanOrEqual(sentBeforeKill);
    // And the hub goes on.
    const fresh = await after.sendDocument({ edxml: documentPackage({ number: '9999' }) }, { idempotencyKey: 'crash-after' });
    expect(fresh.duplicate).toBe(false);
  }, 420_000);
});
