import { expectAxeClean } from '@egov-vn/elements-core/testing';
import { html, render } from 'lit';
import type { TemplateResult } from 'lit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { demoSeed, memoryOfficeBackend } from '../backend/memory.js';
import type { OfficeHost } from '../context/context.js';
import '../context/office-context.js';
import type { EgovErrorEvent, EgovNavigateEvent } from '../events.js';
import { EgovOffice } from './office.js';
import type { EgovOfficeViewEvent } from './office.js';
import { axeTags as tags, clerk, mountIn, pageHost, q } from '../../test/feature-dom.js';

const TODAY = '2026-12-02';
const host = pageHost();
const defaultLoaders = EgovOffice.loaders;
// A desktop page (the menu beside the feature); the 360 px test narrows the element itself.
beforeEach(async () => {
  host.setAttribute('lang', 'vi');
  await page.viewport(1100, 800);
});
afterEach(() => {
  render(html``, host);
  EgovOffice.loaders = defaultLoaders;
});

const seeded = () => memoryOfficeBackend(demoSeed({ count: 30, outgoing: 12, today: TODAY }));
const office = (backend = seeded()): OfficeHost => ({ backend, user: clerk, today: TODAY });

const mount = (template: TemplateResult) => mountIn(host, template, 'egov-office');
const feature = (el: EgovOffice, tag: string) => el.shadowRoot!.querySelector<HTMLElement>(tag);
const inner = (el: HTMLElement | null, sel: string) => el?.shadowRoot?.querySelector<HTMLElement>(sel) ?? null;

describe('<egov-office>', () => {
  it('shows the incoming documents first, loads each feature on first use, and tells the host where the user goes', async () => {
    const el = await mount(html`<egov-office .office=${office()}></egov-office>`);
    await expect.poll(() => inner(feature(el, 'egov-incoming'), 'tr[part=row]')).toBeTruthy();
    expect(q(el, '[data-view=incoming]')!.getAttribute('aria-current')).toBe('page');
    const heard: Array<EgovNavigateEvent['detail']> = [];
    const views: Array<EgovOfficeViewEvent['detail']> = [];
    host.addEventListener('egov-navigate', (e) => heard.push(e.detail));
    el.addEventListener('egov-office-view', (e) => views.push(e.detail));
    await userEvent.click(q(el, '[data-view=outgoing]')!);
    await expect.poll(() => inner(feature(el, 'egov-outgoing'), 'tr[part=row]')).toBeTruthy();
    expect(heard).toEqual([{ view: 'outgoing' }]);
    expect(views).toEqual([{ view: 'outgoing' }]);
    expect(el.view).toBe('outgoing');
    expect(el.getAttribute('view')).toBe('outgoing');
    expect(feature(el, 'egov-incoming')).toBeNull();
    expect(el.shadowRoot!.activeElement).toBe(q(el, '[part=main]'));
  });

  it('follows a feature’s intent to another view (register row → incoming document), after the host heard it once', async () => {
    const backend = seeded();
    const el = await mount(html`<egov-office view="register" .office=${office(backend)}></egov-office>`);
    const register = () => feature(el, 'egov-register');
    await expect.poll(() => inner(register(), 'tr[part=row] button')).toBeTruthy();
    const heard: Array<EgovNavigateEvent['detail']> = [];
    host.addEventListener('egov-navigate', (e) => heard.push(e.detail));
    inner(register(), 'tr[part=row] button')!.click();
    const top = backend.register('incoming', 2026).at(-1)!;
    expect(heard).toEqual([{ view: 'incoming', id: top.documentId }]);
    await expect.poll(() => el.view).toBe('incoming');
    expect(el.documentId).toBe(top.documentId);
    await expect.poll(() => inner(feature(el, 'egov-incoming'), '#subject')?.textContent).toBe(backend.incoming().find((d) => d.id === top.documentId)!.subject);
  });

  it('thay thế: the outgoing view’s replace opens compose on a new draft replacing that document', async () => {
    const backend = seeded();
    const sent = backend.outgoing().find((d) => d.state === 'sent' && d.kind === 'new')!;
    const el = await mount(html`<egov-office view="outgoing" document-id=${sent.id} .office=${office(backend)}></egov-office>`);
    const outgoing = () => feature(el, 'egov-outgoing');
    await expect.poll(() => inner(outgoing(), '[data-action=replace]')).toBeTruthy();
    inner(outgoing(), '[data-action=replace]')!.click();
    await expect.poll(() => inner(outgoing(), '[part=confirm] button[type=submit]')).toBeTruthy();
    inner(outgoing(), '[part=confirm] button[type=submit]')!.click();
    await expect.poll(() => el.view).toBe('compose');
    expect(el.documentId).toBe('new');
    const compose = () => feature(el, 'egov-compose');
    await expect.poll(() => compose()?.getAttribute('replaces')).toBe(sent.id);
    await expect.poll(() => inner(compose(), 'form[part=replaces] h3')?.textContent ?? '').toContain(`Thay thế văn bản số ${sent.notation}`);
  });

  it('lets the host take over: a prevented egov-navigate changes nothing, inside the feature or in the office', async () => {
    const el = await mount(html`<egov-office .office=${office()}></egov-office>`);
    await expect.poll(() => inner(feature(el, 'egov-incoming'), 'tr[part=row] button')).toBeTruthy();
    const stop = (e: Event) => e.preventDefault();
    host.addEventListener('egov-navigate', stop);
    try {
      inner(feature(el, 'egov-incoming'), 'tr[part=row] button')!.click();
      await userEvent.click(q(el, '[data-view=register]')!);
      expect(el.view).toBe('incoming');
      expect(el.documentId).toBeUndefined();
      expect((feature(el, 'egov-incoming') as HTMLElement & { documentId?: string }).documentId).toBeUndefined();
    } finally {
      host.removeEventListener('egov-navigate', stop);
    }
    // Inside one feature the office keeps its deep link in step.
    inner(feature(el, 'egov-incoming'), 'tr[part=row] button')!.click();
    await expect.poll(() => el.getAttribute('document-id')).toBeTruthy();
  });

  it('opens a deep link (view + document-id) through <egov-office-context>, and follows a language change', async () => {
    const backend = seeded();
    const doc = backend.outgoing()[0]!;
    render(
      html`<egov-office-context .backend=${backend} .user=${clerk} today=${TODAY} locale="vi"
        ><egov-office view="outgoing" document-id=${doc.id}></egov-office
      ></egov-office-context>`,
      host,
    );
    const el = host.querySelector('egov-office')!;
    await expect.poll(() => inner(feature(el, 'egov-outgoing'), '#subject')?.textContent ?? '').toContain(doc.subject!);
    host.querySelector('egov-office-context')!.officeLocale = 'en';
    await expect.poll(() => q(el, '[data-view=outgoing]')!.textContent.trim()).toBe('Outgoing');
    await expect.poll(() => inner(feature(el, 'egov-outgoing'), 'h2')?.textContent).toBe('Outgoing documents');
  });

  it('a feature chunk that fails to load: an alert with a retry and egov-error; the rest of the office works', async () => {
    let fail = true;
    EgovOffice.loaders = { ...defaultLoaders, outgoing: () => (fail ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : defaultLoaders.outgoing()) };
    const errors: Array<EgovErrorEvent['detail']> = [];
    host.addEventListener('egov-error', (e) => errors.push(e.detail));
    const el = await mount(html`<egov-office view="outgoing" .office=${office()}></egov-office>`);
    await expect.poll(() => q(el, '[part=error][role=alert]')).toBeTruthy();
    expect(errors.at(-1)).toMatchObject({ operation: 'load-feature', code: 'UNAVAILABLE' });
    await expectAxeClean(el, tags);
    await userEvent.click(q(el, '[data-view=incoming]')!);
    await expect.poll(() => inner(feature(el, 'egov-incoming'), 'tr[part=row]')).toBeTruthy();
    await userEvent.click(q(el, '[data-view=outgoing]')!);
    fail = false;
    await userEvent.click(q(el, '[part=retry]')!);
    await expect.poll(() => inner(feature(el, 'egov-outgoing'), 'tr[part=row]')).toBeTruthy();
  });

  it('at 360 px the menu folds behind a button; the keyboard opens it and picks a feature; no WCAG 2.2 AA violation', async () => {
    host.style.width = '360px';
    try {
      const el = await mount(html`<egov-office .office=${office()}></egov-office>`);
      await expect.poll(() => inner(feature(el, 'egov-incoming'), 'tr[part=row]')).toBeTruthy();
      const toggle = q(el, '[part=menu-button]')!;
      expect(getComputedStyle(q(el, '[part=nav]')!).display).toBe('none');
      expect(toggle.getAttribute('aria-expanded')).toBe('false');
      toggle.focus();
      await userEvent.keyboard('{Enter}');
      await expect.poll(() => getComputedStyle(q(el, '[part=nav]')!).display).not.toBe('none');
      expect(toggle.getAttribute('aria-expanded')).toBe('true');
      await userEvent.tab();
      await userEvent.tab();
      expect(el.shadowRoot!.activeElement).toBe(q(el, '[data-view=outgoing]'));
      await expectAxeClean(el, tags);
      await userEvent.keyboard('{Enter}');
      await expect.poll(() => el.view).toBe('outgoing');
      expect(getComputedStyle(q(el, '[part=nav]')!).display).toBe('none');
      expect(el.getBoundingClientRect().width).toBeLessThanOrEqual(360);
    } finally {
      host.style.width = '';
    }
  });
});
