import { toLunar } from '@egov-vn/calendar';
import type { WorkCalendar } from '@egov-vn/calendar';
import { buttonStyles, defineMessages, EgovElement, hostStyles } from '@egov-vn/elements-core';
import { html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues } from 'lit';
import { defaultWorkCalendar, lunarDayMonth, parseIso, vnDate } from '../internal/days.js';
import '../month-calendar/month-calendar.js';
import type { EgovMonthCalendarSelectEvent } from '../month-calendar/month-calendar.events.js';
import styles from './date-picker.styles.js';

const messages = defineMessages({
  vi: {
    placeholder: 'dd/mm/yyyy',
    open: 'Chọn ngày',
    close: 'Đóng lịch',
    dialog: 'Chọn ngày trên lịch',
    lunar: (d: string) => `Âm lịch: ${d}`,
    leapMonth: 'nhuận',
    valueMissing: 'Vui lòng chọn ngày.',
    badInput: 'Ngày không hợp lệ: nhập theo dạng dd/mm/yyyy.',
    rangeUnderflow: (d: string) => `Ngày phải từ ${d} trở đi.`,
    rangeOverflow: (d: string) => `Ngày phải trước hoặc bằng ${d}.`,
    nonWorking: (reason: string) => `Không chọn được ngày nghỉ (${reason}).`,
    rest: 'ngày nghỉ hằng tuần',
  },
  en: {
    placeholder: 'dd/mm/yyyy',
    open: 'Choose date',
    close: 'Close calendar',
    dialog: 'Choose a date on the calendar',
    lunar: (d: string) => `Lunar: ${d}`,
    leapMonth: 'leap',
    valueMissing: 'Please choose a date.',
    badInput: 'Invalid date: type it as dd/mm/yyyy.',
    rangeUnderflow: (d: string) => `The date must be on or after ${d}.`,
    rangeOverflow: (d: string) => `The date must be on or before ${d}.`,
    nonWorking: (reason: string) => `A day off cannot be chosen (${reason}).`,
    rest: 'weekly rest day',
  },
});

const VN = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** Typed text (dd/mm/yyyy, d/m/yyyy or yyyy-mm-dd) to yyyy-mm-dd, '' when empty, undefined when not a date. */
export function parseDateText(text: string): string | undefined {
  const t = text.trim();
  if (!t) return '';
  const m = VN.exec(t);
  const iso = m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : t;
  return parseIso(iso) ? iso : undefined;
}

/**
 * @summary A form-associated date field (value `yyyy-mm-dd`, like `<input type="date">`) with a calendar popup, the
 * lunar date next to the solar one, min/max, an option to refuse days off, and Vietnamese/English messages. It takes
 * part in `<form>` submission, validation (`required`, `min`, `max`, bad input, days off), reset, `disabled`
 * fieldsets and state restore.
 * @tagname egov-date-picker
 *
 * @fires {EgovDatePickerChangeEvent} egov-date-picker-change - The user committed a value; `detail.value`.
 * @fires change - Native-named, bubbling and composed, when the user commits a value.
 * @fires input - Native-named, bubbling and composed, when the user commits a value.
 *
 * @csspart base - The wrapper.
 * @csspart label - The visible label (when the `label` attribute is set).
 * @csspart input - The text input (dd/mm/yyyy).
 * @csspart button - The button that opens the calendar.
 * @csspart lunar - The lunar date.
 * @csspart error - The validation message (shown after interaction).
 * @csspart popup - The calendar popup.
 * @csspart calendar - The `<egov-month-calendar>` in the popup.
 *
 * @cssprop --egov-date-picker-border-color - Border of the input.
 * @cssprop --egov-color-danger - Border and message when invalid.
 */
export class EgovDatePicker extends EgovElement<typeof messages> {
  static formAssociated = true;
  static override shadowRootOptions: ShadowRootInit = { ...EgovElement.shadowRootOptions, delegatesFocus: true };
  static override messages = messages;
  static override styles = [hostStyles, buttonStyles, styles];
  static override properties: PropertyDeclarations = {
    value: {},
    name: { reflect: true },
    label: {},
    min: {},
    max: {},
    required: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
    disableNonWorking: { type: Boolean, attribute: 'disable-non-working' },
    calendar: { attribute: false },
    open: { state: true },
    text: { state: true },
    interacted: { state: true },
    formDisabled: { state: true },
  };

  /** The value, yyyy-mm-dd, or empty. The `value` attribute is the default value (restored on form reset). */
  declare value: string;
  /** The name under which the value is submitted. */
  declare name: string;
  /** A visible label inside the element (else use `<label for>` on the element, or `aria-label`). */
  declare label: string;
  /** Earliest allowed date, yyyy-mm-dd. */
  declare min: string;
  /** Latest allowed date, yyyy-mm-dd. */
  declare max: string;
  declare required: boolean;
  declare disabled: boolean;
  /** Refuse rest days, holidays and other days off (of `calendar`). */
  declare disableNonWorking: boolean;
  /** The work calendar; default `new WorkCalendar()`. */
  declare calendar: WorkCalendar | undefined;
  declare private open: boolean;
  declare private text: string;
  declare private interacted: boolean;
  declare private formDisabled: boolean;

  readonly #internals: ElementInternals;

  constructor() {
    super();
    this.#internals = this.attachInternals();
    this.value = '';
    this.name = '';
    this.label = '';
    this.min = '';
    this.max = '';
    this.required = false;
    this.disabled = false;
    this.disableNonWorking = false;
    this.calendar = undefined;
    this.open = false;
    this.text = '';
    this.interacted = false;
    this.formDisabled = false;
  }

  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }
  get validity(): ValidityState {
    return this.#internals.validity;
  }
  get validationMessage(): string {
    return this.#internals.validationMessage;
  }
  get willValidate(): boolean {
    return this.#internals.willValidate;
  }
  checkValidity(): boolean {
    return this.#internals.checkValidity();
  }
  reportValidity(): boolean {
    this.interacted = true;
    return this.#internals.reportValidity();
  }

  get #input(): HTMLInputElement | null {
    return this.renderRoot.querySelector('input');
  }

  formResetCallback(): void {
    this.value = this.getAttribute('value') ?? '';
    this.text = '';
    this.interacted = false;
  }

  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state === 'string') this.value = state;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value')) {
      const d = parseIso(this.value);
      this.text = d ? vnDate(d) : this.value ? this.text : this.text && parseDateText(this.text) === undefined ? this.text : '';
    }
  }

  override updated(): void {
    this.#internals.setFormValue(parseIso(this.value) ? this.value : null, this.value);
    this.#validate();
    if (this.interacted && !this.validity.valid) this.#internals.states.add('user-invalid');
    else this.#internals.states.delete('user-invalid');
  }

  #error(): { flag: keyof ValidityStateFlags; message: string } | undefined {
    const parsed = parseDateText(this.text);
    if (parsed === undefined) return { flag: 'badInput', message: this.msg('badInput') };
    const d = parseIso(this.value);
    if (!d) return this.required ? { flag: 'valueMissing', message: this.msg('valueMissing') } : undefined;
    const min = parseIso(this.min);
    const max = parseIso(this.max);
    if (min && this.value < this.min) return { flag: 'rangeUnderflow', message: this.msg('rangeUnderflow', vnDate(min)) };
    if (max && this.value > this.max) return { flag: 'rangeOverflow', message: this.msg('rangeOverflow', vnDate(max)) };
    if (this.disableNonWorking) {
      const reason = (this.calendar ?? defaultWorkCalendar()).dayOffReason(d);
      if (reason) {
        const why = reason.kind === 'rest' ? this.msg('rest') : this.locale === 'vi' ? reason.name : reason.nameEn;
        return { flag: 'customError', message: this.msg('nonWorking', why) };
      }
    }
    return undefined;
  }

  #validate(): void {
    const error = this.#error();
    const anchor = this.#input ?? undefined;
    if (error) this.#internals.setValidity({ [error.flag]: true }, error.message, anchor);
    else this.#internals.setValidity({});
  }

  #commit(value: string): void {
    this.interacted = true;
    if (value === this.value) return;
    this.value = value;
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    this.emit('egov-date-picker-change', { detail: { value } });
  }

  readonly #handleChange = (e: Event): void => {
    e.stopPropagation();
    const text = (e.target as HTMLInputElement).value;
    this.text = text;
    const parsed = parseDateText(text);
    this.#commit(parsed ?? '');
    if (parsed === undefined) this.requestUpdate();
  };

  readonly #handleSelect = (e: EgovMonthCalendarSelectEvent): void => {
    e.stopPropagation();
    this.text = vnDate(parseIso(e.detail.date)!);
    this.#commit(e.detail.date);
    this.#close();
  };

  #toggle(): void {
    if (this.open) {
      this.#close();
      return;
    }
    this.open = true;
    void this.updateComplete.then(() => {
      const cal = this.renderRoot.querySelector('egov-month-calendar');
      void cal?.updateComplete.then(() => cal.renderRoot.querySelector<HTMLElement>('td[tabindex="0"]')?.focus());
    });
  }

  #close(): void {
    this.open = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>('button')?.focus());
  }

  /** A non-modal popup closes when the focus leaves the element (Tab away, click elsewhere). */
  readonly #handleFocusOut = (e: FocusEvent): void => {
    if (!this.open) return;
    const next = e.relatedTarget instanceof Node ? e.relatedTarget : null;
    if (next && (this.renderRoot.contains(next) || this.contains(next))) return;
    this.open = false;
  };

  readonly #handlePopupKeydown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      this.#close();
    }
  };

  #accessibleName(): string | undefined {
    if (this.label) return undefined;
    const own = this.getAttribute('aria-label');
    if (own) return own;
    const labels = [...(this.#internals.labels as NodeListOf<HTMLLabelElement>)].map((l) => l.textContent.trim()).filter(Boolean);
    return labels.length ? labels.join(' ') : this.msg('open');
  }

  override render() {
    const d = parseIso(this.value);
    const disabled = this.disabled || this.formDisabled;
    const error = this.interacted ? this.#error() : undefined;
    return html`<div part="base" class="base" @focusout=${this.#handleFocusOut}>
      ${this.label ? html`<label part="label" for="input">${this.label}</label>` : nothing}
      <span class="field">
        <input
          part="input"
          id="input"
          type="text"
          inputmode="numeric"
          autocomplete="off"
          placeholder=${this.msg('placeholder')}
          .value=${this.text}
          ?disabled=${disabled}
          ?required=${this.required}
          aria-label=${this.#accessibleName() ?? nothing}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby="lunar error"
          @change=${this.#handleChange}
          @input=${(e: Event) => e.stopPropagation()}
        />
        <button
          part="button"
          type="button"
          aria-haspopup="dialog"
          aria-expanded=${this.open ? 'true' : 'false'}
          ?disabled=${disabled}
          @click=${() => this.#toggle()}
        >
          ${this.open ? this.msg('close') : this.msg('open')}
        </button>
        <span part="lunar" class="lunar" id="lunar">${d ? this.msg('lunar', lunarDayMonth(toLunar(d), this.msg('leapMonth'))) : nothing}</span>
      </span>
      <span part="error" class="error" id="error" aria-live="polite">${error?.message ?? nothing}</span>
      ${this.open
        ? html`<div part="popup" class="popup" role="dialog" aria-label=${this.msg('dialog')} @keydown=${this.#handlePopupKeydown}>
            <egov-month-calendar
              part="calendar"
              compact
              lang=${this.locale}
              .value=${this.value}
              .month=${d ? this.value.slice(0, 7) : (this.min || '').slice(0, 7)}
              .min=${this.min}
              .max=${this.max}
              .calendar=${this.calendar}
              ?disable-non-working=${this.disableNonWorking}
              @egov-month-calendar-select=${this.#handleSelect}
            ></egov-month-calendar>
          </div>`
        : nothing}
    </div>`;
  }
}
