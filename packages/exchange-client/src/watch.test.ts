// watchInbox's acknowledgement rule, as the README states it: an item is acknowledged when the consumer asks for the
// next one. Leaving the loop — by a throw or by `break` — leaves the current item pending (a generator cannot tell a
// failed handler from a deliberate stop), so a consumer that stops after handling an item acknowledges it first.
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExchangeMock } from './mock.js';
import { baseUrl, edxmlToReceiver, twoClients, twoSystemsSeed } from './two-systems.testutil.js';

const mock = createExchangeMock({ baseUrl, seed: twoSystemsSeed });
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const { sender, receiver } = twoClients();

const edxml = edxmlToReceiver;

const pending = async () => (await receiver.listInbox({ state: 'pending' })).items.map((i) => i.documentId);

describe('watchInbox acknowledgements', () => {
  it('acknowledges an item when the next one is asked for; break leaves the current one pending', async () => {
    const a = await sender.sendDocument({ edxml: edxml('501') });
    const b = await sender.sendDocument({ edxml: edxml('502') });
    const seen: string[] = [];
    for await (const item of receiver.watchInbox({ pollIntervalMs: 10 })) {
      seen.push(item.documentId);
      if (seen.length === 2) break;
    }
    expect(seen).toEqual([a.documentId, b.documentId]);
    // a was acknowledged when b was asked for; b, the item the loop stopped on, comes back.
    expect(await pending()).toEqual([b.documentId]);
  });

  it('a consumer that stops after handling an item acknowledges it first, as the README shows', async () => {
    const [first] = await pending();
    for await (const item of receiver.watchInbox({ pollIntervalMs: 10 })) {
      expect(item.documentId).toBe(first);
      await receiver.acknowledge(item.documentId, { result: 'done' });
      break;
    }
    expect(await pending()).toEqual([]);
  });
});
