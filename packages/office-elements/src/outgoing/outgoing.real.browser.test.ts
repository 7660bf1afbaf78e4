// <egov-outgoing> against the real office server and hub (test/real-office.ts): A's clerk sees B's office answer
// through the hub (đã nhận after B's clerk registers it), then revokes it with a confirmed reason.
import { html, render } from 'lit';
import { afterAll, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { connectRealOffice, realCall, realSend } from '../../test/real-office.browser.js';
import type { EgovOutgoing } from './outgoing.js';
import './outgoing.js';

const host = document.createElement('div');
host.setAttribute('lang', 'vi');
document.body.append(host);
afterAll(() => render(html``, host));

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the element type
const q = <T extends HTMLElement = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);

describe('<egov-outgoing> against the real office server and hub', () => {
  it('shows B’s answer from the hub’s trace (đã nhận) and revokes the document after a confirmation', async () => {
    const sent = await realSend({ subject: `Về việc thử thu hồi ${Date.now().toString(36)}` });
    const received = await realCall('clerkB', 'POST', `/v1/incoming/${sent.incomingId!}/receive`, {});
    expect(received.status).toBe(200);
    const office = await connectRealOffice('clerkA');
    render(html`<egov-outgoing document-id=${sent.outgoingId} .office=${office}></egov-outgoing>`, host);
    const el = host.querySelector<EgovOutgoing>('egov-outgoing')!;
    await expect
      .poll(
        async () => {
          await el.reload();
          return q(el, '[part=recipients] [part=stage]')?.dataset.stage;
        },
        { timeout: 60_000, interval: 500 },
      )
      .toBe('received');
    expect(q(el, '[part=trace]')!.textContent).toContain('03');
    await userEvent.click(q(el, '[data-action=revoke]')!);
    await userEvent.fill(q<HTMLTextAreaElement>(el, 'textarea[name=reason]')!, 'Ban hành nhầm nơi nhận');
    await userEvent.click(q(el, '[part=confirm] button[type=submit]')!);
    await expect
      .poll(
        async () => {
          await el.reload();
          return q(el, 'dd[data-state]')?.dataset.state;
        },
        { timeout: 60_000, interval: 500 },
      )
      .toBe('revoked');
  }, 240_000);
});
