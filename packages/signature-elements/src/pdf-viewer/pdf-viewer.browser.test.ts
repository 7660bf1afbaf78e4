import { expectAxeClean } from '@egov-vn/elements-core/testing';
import { html, render } from 'lit';
import type { TemplateResult } from 'lit';
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { loadPdfJs, signedPdf } from '../internal/fixtures.js';
import { EgovPdfViewer } from './pdf-viewer.js';
import type { EgovPdfViewerBoxEvent, EgovPdfViewerLoadEvent, EgovPdfViewerPageEvent } from './pdf-viewer.js';

const host = document.createElement('div');
document.body.append(host);

beforeAll(loadPdfJs, 120_000);

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

  it('renders the page with pdf.js, and pages with the buttons and the keyboard', async () => {
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

  it('has a pdf.js text layer over the page, so the text can be selected and found', async () => {
    const el = await mount();
    const load = loaded(el);
    el.pdf = await threePages();
    await load;
    await expect.poll(() => q(el, '[part=text-layer]').textContent, { timeout: 5000 }).toContain('Trang 1');
    const span = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part=text-layer] span')].find((x) => x.textContent === 'Trang 1')!;
    expect(getComputedStyle(span).userSelect).toBe('text');
    expect(getComputedStyle(span).color).toBe('rgba(0, 0, 0, 0)');
    // The span sits over the drawn text: 40 pt from the left, 60 pt from the top of the 300 × 400 pt page at 100 %.
    const page = q(el, 'canvas').getBoundingClientRect();
    const box = span.getBoundingClientRect();
    expect(box.left - page.left).toBeCloseTo(40, -1);
    expect(box.bottom - page.top).toBeGreaterThan(45);
    expect(box.bottom - page.top).toBeLessThan(70);
    const range = document.createRange();
    range.selectNodeContents(span);
    expect(range.toString()).toBe('Trang 1');
    el.goTo(2);
    await expect.poll(() => q(el, '[part=text-layer]').textContent, { timeout: 5000 }).toContain('Trang 2');
    expect(q(el, '[part=text-layer]').textContent).not.toContain('Trang 1');
  });

  it('places the signature box by dragging on the page, and moves it by dragging it', async () => {
    const el = await mount(html`<egov-pdf-viewer placing></egov-pdf-viewer>`);
    const load = loaded(el);
    el.pdf = await threePages();
    await load;
    await expect.poll(() => q(el, '[part=text-layer]').textContent, { timeout: 5000 }).toContain('Trang 1');
    const placer = q(el, '.placer');
    const origin = placer.getBoundingClientRect();
    const pointer = (target: HTMLElement, type: string, x: number, y: number) =>
      target.dispatchEvent(new PointerEvent(type, { bubbles: true, composed: true, pointerId: 1, button: 0, clientX: origin.left + x, clientY: origin.top + y }));
    const events: EgovPdfViewerBoxEvent[] = [];
    el.addEventListener('egov-pdf-viewer-box', (e) => events.push(e));
    // At 100 % one CSS pixel is one point: drag from (100, 200) to (250, 280) on a 400 pt high page.
    pointer(placer, 'pointerdown', 100, 200);
    pointer(placer, 'pointermove', 180, 240);
    pointer(placer, 'pointermove', 250, 280);
    pointer(placer, 'pointerup', 250, 280);
    expect(events).toHaveLength(1);
    const first = events[0]!.detail;
    expect(first.page).toBe(1);
    expect(first.rect.map((n) => Math.round(n))).toEqual([100, 120, 250, 200]);
    expect(first.mm.width).toBeCloseTo((150 * 25.4) / 72, 1);
    expect(first.mm.bottom).toBeCloseTo((120 * 25.4) / 72, 1);
    await el.updateComplete;
    const box = q(el, '[part=box]');
    expect(box.style.left).toBe('100px');
    expect(box.style.top).toBe('200px');
    // Drag the box itself 20 px right and 30 px down: same size, moved.
    pointer(box, 'pointerdown', 120, 220);
    pointer(placer, 'pointermove', 140, 250);
    pointer(placer, 'pointerup', 140, 250);
    expect(events).toHaveLength(2);
    expect(events[1]!.detail.rect.map((n) => Math.round(n))).toEqual([120, 90, 270, 170]);
    expect(el.box!.rect.map((n) => Math.round(n))).toEqual([120, 90, 270, 170]);
    await expectAxeClean(el);
  });

  it('places, moves and resizes the box from the keyboard, announcing each change', async () => {
    const el = await mount(html`<egov-pdf-viewer placing></egov-pdf-viewer>`);
    const load = loaded(el);
    el.pdf = await threePages();
    await load;
    await el.updateComplete;
    const events: EgovPdfViewerBoxEvent[] = [];
    el.addEventListener('egov-pdf-viewer-box', (e) => events.push(e));
    await userEvent.click(q(el, '[part=place-button]'));
    await expect.poll(() => el.shadowRoot!.activeElement?.getAttribute('part')).toBe('box');
    const placed = events.at(-1)!.detail.mm;
    expect([placed.width, placed.height]).toEqual([60, 25]);
    const status = () => el.shadowRoot!.querySelectorAll('[role=status]')[1]!.textContent.trim();
    expect(status()).toBe(`Khung chữ ký trang 1: cách trái ${placed.left} mm, cách dưới ${placed.bottom} mm, rộng 60 mm, cao 25 mm`);
    await userEvent.keyboard('{ArrowRight}{ArrowRight}{ArrowUp}');
    let mm = events.at(-1)!.detail.mm;
    expect(mm.left).toBeCloseTo(placed.left + 2, 1);
    expect(mm.bottom).toBeCloseTo(placed.bottom + 1, 1);
    expect([mm.width, mm.height]).toEqual([60, 25]);
    await userEvent.keyboard('{Shift>}{ArrowRight}{ArrowUp}{ArrowUp}{/Shift}');
    mm = events.at(-1)!.detail.mm;
    expect([mm.width, mm.height]).toEqual([61, 27]);
    expect(mm.left).toBeCloseTo(placed.left + 2, 1);
    await el.updateComplete;
    expect(status()).toBe(`Khung chữ ký trang 1: cách trái ${mm.left} mm, cách dưới ${mm.bottom} mm, rộng 61 mm, cao 27 mm`);
    expect(q(el, '[part=box]').getAttribute('aria-label')).toBe(status());
    // The box cannot leave the page.
    for (let i = 0; i < 40; i++) await userEvent.keyboard('{ArrowRight}');
    const last = events.at(-1)!.detail;
    expect(last.rect[2]).toBeLessThanOrEqual(300);
    // On another page the box stays where it was until it is placed there.
    el.goTo(2);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=box]')).toBeNull();
    await userEvent.click(q(el, '[part=place-button]'));
    expect(events.at(-1)!.detail.page).toBe(2);
    await expectAxeClean(el);
    host.setAttribute('lang', 'en');
    await expect.poll(() => q(el, '[part=place-button]').textContent.trim()).toBe('Place the signature box on this page');
  });
});
