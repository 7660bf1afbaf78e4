import { expectAxeClean } from '@egov-vn/elements-core/testing';
import { html } from 'lit';
import { beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { clear, host, mount, shadow, text } from '../internal/test-host.js';
import { EgovDatePicker, parseDateText } from './date-picker.js';
import type { EgovDatePickerChangeEvent } from './date-picker.js';

beforeEach(clear);

const input = (el: EgovDatePicker) => shadow(el, 'input') as HTMLInputElement;

async function type(el: EgovDatePicker, value: string): Promise<void> {
  await userEvent.clear(input(el));
  if (value) await userEvent.type(input(el), value);
  await userEvent.keyboard('{Tab}');
  await el.updateComplete;
}

describe('parseDateText', () => {
  it('reads dd/mm/yyyy, d/m/yyyy and ISO, and refuses impossible dates', () => {
    expect(parseDateText('26/04/2026')).toBe('2026-04-26');
    expect(parseDateText(' 1/5/2026 ')).toBe('2026-05-01');
    expect(parseDateText('2026-04-26')).toBe('2026-04-26');
    expect(parseDateText('')).toBe('');
    expect(parseDateText('31/02/2026')).toBeUndefined();
    expect(parseDateText('hôm nay')).toBeUndefined();
  });
});

describe('<egov-date-picker>', () => {
  it('is form-associated and submits an ISO value, showing dd/mm/yyyy and the lunar date', async () => {
    await mount(
      'egov-date-picker',
      html`<form><label for="d">Ngày họp</label><egov-date-picker id="d" name="ngay" value="2026-04-26"></egov-date-picker></form>`,
    );
    const el = host.querySelector('egov-date-picker')!;
    expect(customElements.get('egov-date-picker')).toBe(EgovDatePicker);
    expect(EgovDatePicker.formAssociated).toBe(true);
    expect(el.form).toBe(host.querySelector('form'));
    expect(input(el).value).toBe('26/04/2026');
    expect(text(shadow(el, '[part=lunar]'))).toBe('Âm lịch: 10/3');
    expect(new FormData(host.querySelector('form')!).get('ngay')).toBe('2026-04-26');
    expect(input(el).getAttribute('aria-label')).toBe('Ngày họp');
  });

  it('takes typed text, fires input, change and a typed egov-date-picker-change', async () => {
    const el = await mount('egov-date-picker', html`<egov-date-picker label="Ngày nhận"></egov-date-picker>`);
    const seen: string[] = [];
    host.addEventListener('input', () => seen.push('input'));
    host.addEventListener('change', () => seen.push('change'));
    host.addEventListener('egov-date-picker-change', (e: EgovDatePickerChangeEvent) => seen.push(`egov:${e.detail.value}`));
    await type(el, '2/9/2026');
    expect(el.value).toBe('2026-09-02');
    expect(seen).toEqual(['input', 'change', 'egov:2026-09-02']);
    expect(input(el).value).toBe('02/09/2026');
  });

  it('validates required, bad input, min/max and days off, with the inner input as anchor', async () => {
    const el = await mount(
      'egov-date-picker',
      html`<egov-date-picker label="Hạn" required min="2026-03-01" max="2026-12-31" disable-non-working></egov-date-picker>`,
    );
    expect(el.validity.valueMissing).toBe(true);
    expect(el.validationMessage).toBe('Vui lòng chọn ngày.');
    // No message before the user has interacted.
    expect(text(shadow(el, '[part=error]'))).toBe('');
    await type(el, '31/02/2026');
    expect(el.validity.badInput).toBe(true);
    expect(text(shadow(el, '[part=error]'))).toBe('Ngày không hợp lệ: nhập theo dạng dd/mm/yyyy.');
    expect(el.matches(':state(user-invalid)')).toBe(true);
    await type(el, '27/02/2026');
    expect(el.validity.rangeUnderflow).toBe(true);
    expect(el.validationMessage).toBe('Ngày phải từ 01/03/2026 trở đi.');
    await type(el, '01/01/2027');
    expect(el.validity.rangeOverflow).toBe(true);
    await type(el, '27/04/2026');
    expect(el.validity.customError).toBe(true);
    expect(el.validationMessage).toBe('Không chọn được ngày nghỉ (Nghỉ bù Giỗ Tổ Hùng Vương).');
    await type(el, '02/05/2026');
    expect(el.validationMessage).toBe('Không chọn được ngày nghỉ (ngày nghỉ hằng tuần).');
    await type(el, '28/04/2026');
    expect(el.validity.valid).toBe(true);
    expect(el.checkValidity()).toBe(true);
    expect(el.matches(':state(user-invalid)')).toBe(false);
  });

  it('focuses the inner input when the form reports validity', async () => {
    await mount('egov-date-picker', html`<form><egov-date-picker name="d" required aria-label="Ngày"></egov-date-picker><button>Gửi</button></form>`);
    const form = host.querySelector('form')!;
    const el = host.querySelector('egov-date-picker')!;
    expect(form.checkValidity()).toBe(false);
    form.reportValidity();
    expect(el.shadowRoot!.activeElement).toBe(input(el));
  });

  it('resets to its default value, follows a disabled fieldset and restores state', async () => {
    await mount(
      'egov-date-picker',
      html`<form><fieldset><egov-date-picker name="d" value="2026-01-05" aria-label="Ngày"></egov-date-picker></fieldset></form>`,
    );
    const form = host.querySelector('form')!;
    const el = host.querySelector('egov-date-picker')!;
    await type(el, '06/01/2026');
    expect(new FormData(form).get('d')).toBe('2026-01-06');
    form.reset();
    await el.updateComplete;
    expect(el.value).toBe('2026-01-05');
    expect(input(el).value).toBe('05/01/2026');
    host.querySelector('fieldset')!.disabled = true;
    await expect.poll(() => input(el).disabled).toBe(true);
    expect(new FormData(form).has('d')).toBe(false);
    el.formStateRestoreCallback('2026-07-01');
    await el.updateComplete;
    expect(el.value).toBe('2026-07-01');
  });

  it('announces a validation message: the live region is there before the message, the input points to it', async () => {
    const el = await mount('egov-date-picker', html`<egov-date-picker label="Hạn"></egov-date-picker>`);
    const region = shadow(el, '[part=error]');
    // A polite live region present (empty) from the first render: screen readers announce what is written into it.
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(text(region)).toBe('');
    expect(input(el).getAttribute('aria-describedby')?.split(' ')).toContain(region.id);
    await type(el, '31/02/2026');
    expect(shadow(el, '[part=error]')).toBe(region);
    expect(text(region)).toBe('Ngày không hợp lệ: nhập theo dạng dd/mm/yyyy.');
    expect(input(el).getAttribute('aria-invalid')).toBe('true');
  });

  it('opens a calendar popup, chooses a day with the keyboard and closes with Escape', async () => {
    const el = await mount('egov-date-picker', html`<egov-date-picker value="2026-03-10" label="Ngày"></egov-date-picker>`);
    const button = shadow(el, '[part=button]');
    await userEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const cal = el.shadowRoot!.querySelector('egov-month-calendar')!;
    await cal.updateComplete;
    await expect.poll(() => (cal.shadowRoot!.activeElement as HTMLElement | null)?.dataset.date).toBe('2026-03-10');
    await userEvent.keyboard('{ArrowRight}{Enter}');
    await el.updateComplete;
    expect(el.value).toBe('2026-03-11');
    expect(el.shadowRoot!.querySelector('[part=popup]')).toBeNull();
    expect(el.shadowRoot!.activeElement).toBe(button);
    await userEvent.click(button);
    await userEvent.keyboard('{Escape}');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=popup]')).toBeNull();
    expect(el.value).toBe('2026-03-11');
  });

  it('closes the popup when the focus leaves the element', async () => {
    await mount('egov-date-picker', html`<egov-date-picker label="Ngày"></egov-date-picker><button>sau</button>`);
    const el = host.querySelector('egov-date-picker')!;
    await userEvent.click(shadow(el, '[part=button]'));
    await expect.poll(() => el.shadowRoot!.querySelector('[part=popup]')).not.toBeNull();
    await userEvent.click(host.querySelector('button')!);
    await expect.poll(() => el.shadowRoot!.querySelector('[part=popup]')).toBeNull();
  });

  it('has no accessibility violation: empty, invalid and open', async () => {
    const el = await mount('egov-date-picker', html`<egov-date-picker label="Ngày họp" required></egov-date-picker>`);
    await expectAxeClean(el);
    await type(el, 'abc');
    await expectAxeClean(el);
    await userEvent.click(shadow(el, '[part=button]'));
    await el.updateComplete;
    await expectAxeClean(el);
  });

  it('speaks English under lang="en"', async () => {
    const el = await mount('egov-date-picker', html`<egov-date-picker value="2026-04-26" required label="Date"></egov-date-picker>`);
    host.setAttribute('lang', 'en');
    await expect.poll(() => text(shadow(el, '[part=lunar]'))).toBe('Lunar: 10/3');
    expect(text(shadow(el, '[part=button]'))).toBe('Choose date');
    await type(el, '');
    expect(el.validationMessage).toBe('Please choose a date.');
  });
});
