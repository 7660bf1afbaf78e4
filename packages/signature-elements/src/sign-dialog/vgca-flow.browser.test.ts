/**
 * The VGCA plugin as a provider of <egov-sign-dialog> (Chromium): the fake plugin (`@egov-vn/pdf-signature/testing`)
 * defines `window.vgca_sign_*`, downloads the staged document, signs it with demo keys and uploads it; the dialog's kind
 * picks the plugin function, the result is checked and verified like any signature, and the plugin's failures are
 * shown as problems in both languages.
 */
import { installFakeVgcaPlugin, type FakeVgcaPlugin } from '@egov-vn/pdf-signature/testing';
import { html, render } from 'lit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { demoPki, makePdf } from '../internal/fixtures.js';
import { vgcaPluginInstalled, vgcaPluginProvider } from '../internal/vgca-provider.js';
import './sign-dialog.js';
import type { EgovSignDialog, EgovSignDialogSignEvent, EgovSignDialogErrorEvent } from './sign-dialog.js';

const host = document.createElement('div');
document.body.append(host);
const q = (el: Element, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const once = <T extends Event>(el: EventTarget, name: string) => new Promise<T>((resolve) => el.addEventListener(name, (e) => resolve(e as T), { once: true }));

/** The agency's file store, in memory: what the plugin downloads and where it uploads. */
const files = new Map<string, Uint8Array>();
let uploads = 0;
const store: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  if (request.method === 'GET' && files.has(request.url)) return new Response(files.get(request.url)!.slice());
  if (request.method === 'POST' && request.url.endsWith('/upload')) {
    const form = await request.formData();
    const file = form.get('uploadfile') as File;
    const url = `https://files.test/signed/${++uploads}.pdf`;
    files.set(url, new Uint8Array(await file.arrayBuffer()));
    return Response.json({ FileServer: url });
  }
  return new Response('not found', { status: 404 });
};
const provider = vgcaPluginProvider({
  stage(pdf) {
    const url = `https://files.test/staged/${files.size + 1}.pdf`;
    files.set(url, pdf);
    return Promise.resolve({ fileUrl: url, uploadHandler: 'https://files.test/upload' });
  },
  fetchSigned: (url) => Promise.resolve(files.get(url)!),
});

let plugin: FakeVgcaPlugin;
beforeEach(async () => {
  const pki = await demoPki();
  plugin = installFakeVgcaPlugin({ signerFor: (kind) => pki.signerFor(kind === 'issued' || kind === 'copy' ? pki.seal : pki.signer), fetch: store }, window);
  host.setAttribute('lang', 'vi');
});
afterEach(() => {
  plugin.uninstall();
  render(html``, host);
});

async function open(kind: 'author' | 'seal'): Promise<EgovSignDialog> {
  render(html`<egov-sign-dialog file-name="quyet-dinh.pdf"></egov-sign-dialog>`, host);
  const el = host.querySelector('egov-sign-dialog')!;
  el.pdf = await makePdf();
  const pki = await demoPki();
  el.trustAnchors = [pki.root.der];
  el.providers = [provider];
  el.kind = kind;
  el.show();
  await el.updateComplete;
  return el;
}

describe('<egov-sign-dialog> with the VGCA plugin', () => {
  it('is offered when window.vgca_sign_* exist, and not after the plugin is gone', async () => {
    expect(await vgcaPluginInstalled()).toBe(true);
    plugin.uninstall();
    expect(await vgcaPluginInstalled()).toBe(false);
  });

  it('signs as the leader with vgca_sign_approved and the seal with vgca_sign_issued (keyboard submit), verified TOTAL_PASSED', async () => {
    const el = await open('author');
    const signed = once<EgovSignDialogSignEvent>(el, 'egov-sign-dialog-sign');
    q(el, 'button[type=submit]')!.focus();
    await userEvent.keyboard('{Enter}');
    const event = await signed;
    expect(event.detail.provider).toBe('vgca-plugin');
    expect(event.detail.report.signatures.at(-1)!.indication).toBe('TOTAL_PASSED');
    expect(plugin.calls.at(-1)!.kind).toBe('approved');

    const seal = await open('seal');
    seal.docNumber = '12/QĐ-UBND';
    const sealed = once<EgovSignDialogSignEvent>(seal, 'egov-sign-dialog-sign');
    await seal.sign();
    expect((await sealed).detail.report.signatures.at(-1)!.signerSubject).toContain('CN=');
    expect(plugin.calls.at(-1)).toMatchObject({ kind: 'issued', parameters: { DocNumber: '12/QĐ-UBND' } });
  });

  it('shows the plugin’s cancel and a replaced document as problems, vi and en, and writes nothing', async () => {
    const el = await open('author');
    plugin.setBehaviour('cancel');
    const cancelled = once<EgovSignDialogErrorEvent>(el, 'egov-sign-dialog-error');
    expect(await el.sign()).toBe(false);
    expect((await cancelled).detail.problem.code).toBe('VGCA_FAILED');
    expect(el.shadowRoot!.querySelector('.result')).toBeNull();
    await el.updateComplete;
    expect(q(el, '[part=status]')?.textContent).toContain('Phần mềm ký số');

    plugin.setBehaviour('replace');
    host.setAttribute('lang', 'en');
    await el.updateComplete;
    const replaced = once<EgovSignDialogErrorEvent>(el, 'egov-sign-dialog-error');
    expect(await el.sign()).toBe(false);
    const problem = (await replaced).detail.problem;
    expect(problem.code).toBe('VGCA_RESULT');
    expect(problem.detail?.en).toContain('original document');
    await el.updateComplete;
    expect(q(el, '[part=status]')?.textContent).toContain('not this document validly signed');
    expect(el.shadowRoot!.querySelector('.result')).toBeNull();
  });
});
