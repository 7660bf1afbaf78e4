import { expectAxeClean } from '@egov-vn/elements-core/testing';
import { html, render } from 'lit';
import type { TemplateResult } from 'lit';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { signedPdf } from '../internal/fixtures.js';
import { EgovPdfViewer } from './pdf-viewer.js';
import type { EgovPdfViewerLoadEvent, EgovPdfViewerPageEvent } from './pdf-viewer.js';

const host = document.createElement('div');
document.body.append(host);

beforeEach(() => host.setAttribute('lang', 'vi'));
afterEach(() => render(html``, host));

async function threePages(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const n of [1, 2, 3]) doc.addPage([300, 400]).drawText(`Trang ${n}`, { x: 40, y: 340, size: 24, font });
  return doc.save();
}

async function mount(template: TemplateResult = html`<egov-pdf-viewer></egov-pdf-viewer>`): Promise<EgovPdfViewer> {
  render(template, host);
  const el = host.querySelector('egov-pdf-viewer')!;
  await el.updateComplete;
  return el;
}

const q = (el: EgovPdfViewer, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel)!;
const loaded = (el: EgovPdfViewer) => new Promise<EgovPdfViewerLoadEvent>((resolve) => el.addEventListener('egov-pdf-viewer-load', resolve, { once: true }));

/** True when the canvas has at least one dark pixel (text was drawn). */
function hasInk(canvas: HTMLCanvasElement): boolean {
  const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
  for (let i = 0; i < data.length; i += 4) if (data[i]! < 100 && data[i + 3]! > 0) return true;
  return false;
}

describe('<egov-pdf-viewer>', () => {
  it('is registered, empty at first, and axe-clean', async () => {
    const el = await mount();
    expect(customElements.get('egov-pdf-viewer')).toBe(EgovPdfViewer);
    expect(q(el, '[role=status]').textContent.trim()).toBe('Chưa có văn bản.');
    await expectAxeClean(el);
  });

  it('loads pdf.js on demand, renders the page, and pages with the buttons and the keyboard', async () => {
    const el = await mount();
    const load = loaded(el);
    el.pdf = await threePages();
    expect((await load).detail.pageCount).toBe(3);
    await el.updateComplete;
    const canvas = q(el, 'canvas') as HTMLCanvasElement;
    await expect.poll(() => hasInk(canvas), { timeout: 5000 }).toBe(true);
    expect(q(el, '[role=status]').textContent.trim()).toBe('Trang 1/3');
    expect(canvas.getAttribute('aria-label')).toBe('Hình trang 1 trên 3 của văn bản');

    const pages: number[] = [];
    el.addEventListener('egov-pdf-viewer-page', (e: EgovPdfViewerPageEvent) => pages.push(e.detail.page));
    await userEvent.click(q(el, 'button[aria-label="Trang sau"]'));
    q(el, '[part=page]').focus();
    await userEvent.keyboard('{PageDown}');
    await userEvent.keyboard('{PageDown}');
    await userEvent.keyboard('{Home}');
    expect(pages).toEqual([2, 3, 1]);
    const width = canvas.width;
    await userEvent.keyboard('+');
    await el.updateComplete;
    expect(el.scale).toBe(1.25);
    await expect.poll(() => canvas.width).toBeGreaterThan(width);
    await expectAxeClean(el);
  });

  it('never shows a verdict for a signed document: it says a signature image proves nothing', async () => {
    const el = await mount();
    const load = loaded(el);
    el.pdf = await signedPdf();
    await load;
    await el.updateComplete;
    expect(q(el, '[part=notice]').textContent).toContain('không chứng minh chữ ký hợp lệ');
    // Outside that note, nothing speaks of validity.
    const rest = [...el.shadowRoot!.querySelectorAll('[part=toolbar], [part=page]')].map((n) => `${n.textContent} ${n.getAttribute('aria-label') ?? ''}`).join(' ');
    expect(rest).toContain('Trang 1/1');
    expect(rest).not.toMatch(/hợp lệ|valid|tin cậy/i);
  });

  it('reports a broken file in Vietnamese with egov-pdf-viewer-error', async () => {
    const el = await mount();
    const failure = new Promise<CustomEvent>((resolve) => el.addEventListener('egov-pdf-viewer-error', resolve, { once: true }));
    el.pdf = new TextEncoder().encode('không phải PDF');
    expect((await failure).detail.message.vi).toContain('Không mở được văn bản PDF');
    await el.updateComplete;
    expect(q(el, '[role=status]').textContent).toContain('Không mở được văn bản PDF');
  });

  it('speaks English under lang="en"', async () => {
    const el = await mount();
    host.setAttribute('lang', 'en');
    await expect.poll(() => q(el, '[role=status]').textContent.trim()).toBe('No document.');
    expect(q(el, 'button').getAttribute('aria-label')).toBe('Previous page');
  });
});
