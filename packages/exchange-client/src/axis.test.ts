// createAxisClient on its own: what it sends and how it reads answers (the hub's /vxp tests run it against the real hub).
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createAxisClient, ExchangeError } from './index.js';

type Captured = { url: string; init: RequestInit };

function fakeAxis(answer: (url: string) => Response | Promise<Response>) {
  const calls: Captured[] = [];
  const fetchFn: typeof fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    calls.push({ url, init: init ?? {} });
    return answer(url);
  };
  return { calls, fetchFn };
}

const ok = (extra: object = {}) => new Response(JSON.stringify({ status: 'OK', ErrorCode: '0', ErrorDesc: 'Success', ...extra }));

describe('createAxisClient', () => {
  it('signs every operation so that the HMAC over the sign-header verifies', async () => {
    const { calls, fetchFn } = fakeAxis((url) =>
      url.endsWith('count') || url.includes('/count')
        ? ok({ count: 2 })
        : url.endsWith('/getEdoc')
          ? ok({ data: btoa('<edXML/>') })
          : url.includes('Agencies')
            ? ok({ data: [{ id: 7, code: '000.00.00.H41', name: 'UBND tỉnh Nghệ An', mail: null, pid: 0 }] })
            : url.includes('List')
              ? ok({ data: [] })
              : ok({ DocId: 'd1' }),
    );
    const c = createAxisClient({ endpoint: 'http://axis.test/', systemId: 'vxp.saas.03', secret: 'k3y', fetch: fetchFn });
    expect(await c.countReceiveEdoc()).toBe(2);
    expect(await c.countReceiveStatus()).toBe(2);
    expect(new TextDecoder().decode(await c.getEdoc('d1'))).toBe('<edXML/>');
    expect(await c.getAgenciesList()).toEqual([{ id: '7', code: '000.00.00.H41', name: 'UBND tỉnh Nghệ An', mail: null, pid: '0' }]);
    expect(await c.getAgenciesListQD20({ level: '2' })).toHaveLength(1);
    expect(await c.getReceivedEdocList({ messagetype: 'status', fromDate: new Date('2026-11-23T01:00:00Z'), toDate: '23/11/2026 23:59:59' })).toEqual([]);
    expect(await c.getSentEdocList({ docId: 'd1' })).toEqual([]);
    expect(await c.sendEdoc('<edXML/>', { from: '000.00.00.H41' })).toEqual({ docId: 'd1' });
    await c.updateStatus('d1', 'fail', { description: 'Chữ ký số không hợp lệ' });
    await c.registerAgency({ code: '000.00.01.H41', name: 'Sở', mail: 'a@b.vn' });
    await c.deleteAgency('000.00.01.H41');
    expect(calls.map((x) => `${x.init.method} ${new URL(x.url).pathname}`)).toEqual([
      'GET /countReceiveEdoc',
      'GET /countReceiveStatus',
      'POST /getEdoc',
      'POST /getAgenciesList',
      'POST /getAgenciesListQD20',
      'POST /getReceivedEdocList',
      'POST /getSentEdocList',
      'POST /sendEdoc',
      'POST /updateStatus',
      'POST /registerAgency',
      'POST /deleteAgency',
    ]);
    for (const { init } of calls) {
      const h = new Map(init.headers as Array<[string, string]>);
      const sign = h.get('XroadVnpt-sign-header') ?? '';
      // Header values travel as the bytes of their UTF-8; the HMAC covers those bytes.
      expect(h.get('XroadVnpt-hash-header')).toBe(createHmac('sha256', 'k3y').update(Buffer.from(sign, 'latin1')).digest('hex'));
      expect(h.get('XroadVnpt-systemid')).toBe('vxp.saas.03');
      expect(h.get('User-Agent')).toBe('JAVASDKAgent/1.0.0 XRoad/VPCP'); // Node: as the SDK
    }
    const received = new Map(calls[5]?.init.headers as Array<[string, string]>);
    expect(received.get('XroadVnpt-fromDate')).toBe('23/11/2026 08:00:00');
    expect(received.get('XroadVnpt-toDate')).toBe('23/11/2026 23:59:59');
    expect(calls[5]?.init.body).toBeUndefined();
    const fail = new Map(calls[8]?.init.headers as Array<[string, string]>);
    expect(Buffer.from(fail.get('XroadVnpt-description') ?? '', 'latin1').toString('utf8')).toBe('Chữ ký số không hợp lệ');
    expect(calls[9]?.init.body).toBe('{"code":"000.00.01.H41","name":"Sở","mail":"a@b.vn"}');
  });

  it('turns FAIL envelopes into ExchangeError (contract code, or AXIS_FAIL with the axis code)', async () => {
    const answers = [
      { status: 'FAIL', ErrorCode: 'BAD_SIGNATURE', ErrorDesc: 'Chữ ký sai / Wrong signature' },
      { status: 'FAIL', ErrorCode: '-1', ErrorDesc: 'Loi he thong' },
    ];
    let i = 0;
    const { fetchFn } = fakeAxis(() => new Response(JSON.stringify(answers[i++])));
    const c = createAxisClient({ endpoint: 'http://axis.test', systemId: 's', secret: 'k', fetch: fetchFn, lang: 'en' });
    const first = await c.countReceiveEdoc().catch((e: unknown) => e);
    expect(first).toBeInstanceOf(ExchangeError);
    expect(first).toMatchObject({ code: 'BAD_SIGNATURE', status: 200, message: 'Wrong signature', messages: { vi: 'Chữ ký sai', en: 'Wrong signature' } });
    const second = await c.countReceiveEdoc().catch((e: unknown) => e);
    expect(second).toMatchObject({ code: 'AXIS_FAIL', details: { axisErrorCode: '-1' }, messages: { vi: 'Loi he thong' } });
  });

  it('reports network failures, timeouts, aborts and answers outside the protocol', async () => {
    const down = createAxisClient({ endpoint: 'http://axis.test', systemId: 's', secret: 'k', fetch: () => Promise.reject(new TypeError('fetch failed')) });
    await expect(down.countReceiveEdoc()).rejects.toMatchObject({ code: 'NETWORK', status: 0 });
    const slow = createAxisClient({
      endpoint: 'http://axis.test',
      systemId: 's',
      secret: 'k',
      timeout: 20,
      // Like fetch: refuses an aborted signal at once, or waits until the signal aborts.
      fetch: (_i, init) =>
        new Promise((_r, reject) => {
          const abort = () => reject(new DOMException('aborted', 'AbortError'));
          if (init?.signal?.aborted) abort();
          init?.signal?.addEventListener('abort', abort);
        }),
    });
    await expect(slow.countReceiveEdoc()).rejects.toMatchObject({ code: 'TIMEOUT' });
    const controller = new AbortController();
    const pending = slow.countReceiveEdoc({ signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'ABORTED' });
    const html = createAxisClient({ endpoint: 'http://axis.test', systemId: 's', secret: 'k', fetch: () => Promise.resolve(new Response('<html>502</html>', { status: 502 })) });
    await expect(html.countReceiveEdoc()).rejects.toMatchObject({ code: 'BAD_RESPONSE', status: 502 });
    const shape = createAxisClient({ endpoint: 'http://axis.test', systemId: 's', secret: 'k', fetch: () => Promise.resolve(ok({ count: 'many' })) });
    await expect(shape.countReceiveEdoc()).rejects.toMatchObject({ code: 'BAD_RESPONSE', status: 200 });
  });
});
