import { html, render } from 'lit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { definedCatalogues, EgovElement } from './egov-element.js';
import { defineMessages } from './locale.js';
import { catalogueProblems } from './testing.js';
import { clearTranslations, registerTranslation } from './translations.js';

declare global {
  interface HTMLElementTagNameMap {
    'egov-test-clerk': TestClerk;
    'egov-test-other': TestOther;
  }
}

const messages = defineMessages({
  vi: { clerk: 'Văn thư cơ quan', retry: 'Thử lại', pages: (n: number) => `${n} trang` },
  en: { clerk: 'Agency clerk', retry: 'Try again', pages: (n: number) => `${n} pages` },
});

class TestClerk extends EgovElement<typeof messages> {
  static override messages = messages;
  override render() {
    return html`<p>${this.msg('clerk')} · ${this.msg('retry')} · ${this.msg('pages', 3)}</p>`;
  }
}
TestClerk.define('egov-test-clerk');

class TestOther extends TestClerk {}
TestOther.define('egov-test-other');

const host = document.createElement('div');
document.body.append(host);
const pageLang = document.documentElement.getAttribute('lang');
beforeAll(() => document.documentElement.removeAttribute('lang'));
afterAll(() => {
  if (pageLang !== null) document.documentElement.setAttribute('lang', pageLang);
});
afterEach(() => {
  clearTranslations();
  render(html``, host);
  document.documentElement.removeAttribute('lang');
});

async function mount(template: unknown): Promise<TestClerk[]> {
  render(template, host);
  const elements = [...host.querySelectorAll<TestClerk>('egov-test-clerk, egov-test-other')];
  await Promise.all(elements.map((el) => el.updateComplete));
  return elements;
}

const text = (el: TestClerk) => el.shadowRoot!.textContent.trim();
const settled = async (elements: TestClerk[]) => {
  await Promise.all(elements.map((el) => el.updateComplete));
};

describe('registerTranslation', () => {
  it('overrides one string of one element, and the element re-renders at once', async () => {
    const [clerk, other] = await mount(html`<egov-test-clerk></egov-test-clerk><egov-test-other></egov-test-other>`);
    expect(text(clerk!)).toBe('Văn thư cơ quan · Thử lại · 3 trang');
    registerTranslation('vi', { 'egov-test-clerk': { clerk: 'Văn thư' } });
    await settled([clerk!, other!]);
    expect(text(clerk!)).toBe('Văn thư · Thử lại · 3 trang');
    expect(text(other!)).toBe('Văn thư cơ quan · Thử lại · 3 trang'); // another tag keeps the kit's text
    // A top-level key applies to every element that has it; a tag's own override still wins.
    registerTranslation('vi', { clerk: 'Cán bộ văn thư', retry: 'Tải lại' });
    await settled([clerk!, other!]);
    expect(text(clerk!)).toBe('Văn thư · Tải lại · 3 trang');
    expect(text(other!)).toBe('Cán bộ văn thư · Tải lại · 3 trang');
  });

  it('adds a language that elements speak when lang names it, the rest from its fallback', async () => {
    registerTranslation('hmn', { retry: 'Rov ua dua', pages: (n: number) => `${n} nplooj` });
    const [el] = await mount(html`<egov-test-clerk lang="hmn-VN"></egov-test-clerk>`);
    expect(el!.language).toBe('hmn');
    expect(el!.locale).toBe('vi');
    expect(text(el!)).toBe('Văn thư cơ quan · Rov ua dua · 3 nplooj');
    registerTranslation('hmn', { clerk: 'Tus sau ntawv' });
    await el!.updateComplete;
    expect(text(el!)).toBe('Tus sau ntawv · Rov ua dua · 3 nplooj');
    registerTranslation('hmn', {}, { fallback: 'en' });
    await el!.updateComplete;
    expect(el!.locale).toBe('en');
  });

  it('follows <html lang> when the element has no lang of its own, and re-renders when it changes', async () => {
    registerTranslation('hmn', { retry: 'Rov ua dua' });
    const [follows, own] = await mount(html`<egov-test-clerk></egov-test-clerk><egov-test-other lang="vi"></egov-test-other>`);
    document.documentElement.lang = 'en';
    await new Promise((resolve) => setTimeout(resolve, 0)); // the MutationObserver runs as a microtask
    await settled([follows!, own!]);
    expect(text(follows!)).toBe('Agency clerk · Try again · 3 pages');
    expect(text(own!)).toBe('Văn thư cơ quan · Thử lại · 3 trang');
    document.documentElement.lang = 'hmn';
    await new Promise((resolve) => setTimeout(resolve, 0));
    await settled([follows!, own!]);
    expect(text(follows!)).toBe('Văn thư cơ quan · Rov ua dua · 3 trang');
    expect(text(own!)).toBe('Văn thư cơ quan · Thử lại · 3 trang');
  });

  it('refuses an empty language tag, with a message', () => {
    expect(() => registerTranslation(' ', {})).toThrow(/thẻ ngôn ngữ để trống/);
  });

  it('records the catalogue of every defined element for catalogue tests', () => {
    expect(definedCatalogues().get('egov-test-clerk')).toBe(messages);
    expect(catalogueProblems(messages)).toEqual([]);
    const broken = { vi: { close: 'close', open: 'Mở' }, en: { close: '' } } as unknown as typeof messages;
    expect(catalogueProblems(broken, 'broken')).toEqual([
      'broken.close: the vi text is its key',
      'broken.close: empty en text',
      'broken.open: no en text',
    ]);
  });
});
