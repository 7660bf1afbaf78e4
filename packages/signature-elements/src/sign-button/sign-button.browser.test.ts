import { expectAxeClean } from '@egov-vn/elements-core/testing';
import { toPem } from '@egov-vn/pdf-signature/testing';
import { html, render } from 'lit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { demoPki, makePdf } from '../internal/fixtures.js';
import { cryptoKeyProvider } from '../sign-dialog/sign-dialog.js';
import type { EgovSignDialogSignEvent } from '../sign-dialog/sign-dialog.js';
import { EgovSignButton } from './sign-button.js';

const host = document.createElement('div');
document.body.append(host);

beforeEach(() => host.setAttribute('lang', 'vi'));
afterEach(() => render(html``, host));

async function mount(): Promise<EgovSignButton> {
  render(html`<egov-sign-button file-name="12-UBND.pdf"></egov-sign-button>`, host);
  const el = host.querySelector('egov-sign-button')!;
  await el.updateComplete;
  return el;
}

const button = (el: EgovSignButton) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part=button]')!;

describe('<egov-sign-button>', () => {
  it('is registered, named in Vietnamese and axe-clean', async () => {
    const el = await mount();
    expect(customElements.get('egov-sign-button')).toBe(EgovSignButton);
    // The accessible name is the visible text plus the document (visually hidden).
    expect(button(el).textContent.replace(/\s+/g, ' ').trim()).toBe('Ký số văn bản 12-UBND.pdf');
    expect(button(el).querySelector('.visually-hidden')!.textContent.trim()).toBe('văn bản 12-UBND.pdf');
    await expectAxeClean(el);
  });

  it('opens the dialog from the keyboard; egov-sign-dialog-sign bubbles out; Escape gives focus back', async () => {
    const pki = await demoPki();
    const el = await mount();
    el.pdf = await makePdf();
    el.trustAnchors = [toPem(pki.root.der)];
    el.providers = [cryptoKeyProvider(pki.signer.privateKey, pki.signer.chain.slice(0, -1))];
    await el.updateComplete;
    const opened = new Promise((resolve) => el.addEventListener('egov-sign-button-open', resolve, { once: true }));
    button(el).focus();
    await userEvent.keyboard('{Enter}');
    await opened;
    await el.dialog.updateComplete;
    expect(el.dialog.open).toBe(true);
    const signed = new Promise<EgovSignDialogSignEvent>((resolve) => host.addEventListener('egov-sign-dialog-sign', resolve, { once: true }));
    await userEvent.click(el.dialog.shadowRoot!.querySelector<HTMLElement>('[part=sign-button]')!);
    expect((await signed).detail.report.signatures[0]!.indication).toBe('TOTAL_PASSED');
    await userEvent.keyboard('{Escape}');
    await expect.poll(() => el.dialog.open).toBe(false);
    expect(el.shadowRoot!.activeElement).toBe(button(el));
  });

  it('keeps a custom slotted text as the start of its accessible name (axe label-content-name-mismatch)', async () => {
    render(html`<egov-sign-button file-name="12-UBND.pdf">Ký và đóng dấu</egov-sign-button>`, host);
    const el = host.querySelector('egov-sign-button')!;
    await el.updateComplete;
    await expectAxeClean(el);
  });

  it('speaks English under lang="en"', async () => {
    const el = await mount();
    host.setAttribute('lang', 'en');
    await expect.poll(() => button(el).textContent.replace(/\s+/g, ' ').trim()).toBe('Sign the document 12-UBND.pdf');
  });
});
