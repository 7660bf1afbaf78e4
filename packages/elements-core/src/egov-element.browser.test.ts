import { html, render } from 'lit';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { EgovElement } from './egov-element.js';
import { defineMessages } from './locale.js';

type TestPingEvent = CustomEvent<{ count: number }>;
type TestReadyEvent = CustomEvent<undefined>;

declare global {
  interface GlobalEventHandlersEventMap {
    'egov-test-ping': TestPingEvent;
    'egov-test-ready': TestReadyEvent;
    /** The former name of `egov-test-ping` (a deprecated alias). */
    'egov-test-pinged': TestPingEvent;
  }
  interface HTMLElementTagNameMap {
    'egov-test-greeting': TestGreeting;
  }
}

const messages = defineMessages({
  vi: { hello: 'Xin chào', items: (n: number) => `${n} mục` },
  en: { hello: 'Hello', items: (n: number) => `${n} ${n === 1 ? 'item' : 'items'}` },
});

class TestGreeting extends EgovElement<typeof messages> {
  static override messages = messages;

  override render() {
    return html`<p>${this.msg('hello')}, ${this.msg('items', 2)}</p>`;
  }
}
TestGreeting.define('egov-test-greeting');

const host = document.createElement('div');
document.body.append(host);
// The test page may set its own <html lang>: these tests start from a page that says nothing.
const pageLang = document.documentElement.getAttribute('lang');
beforeAll(() => document.documentElement.removeAttribute('lang'));
afterAll(() => {
  if (pageLang !== null) document.documentElement.setAttribute('lang', pageLang);
});

afterEach(() => {
  render(html``, host);
  host.removeAttribute('lang');
  document.documentElement.removeAttribute('lang');
});

async function mount(template: unknown): Promise<TestGreeting> {
  render(template, host);
  const el = host.querySelector('egov-test-greeting')!;
  await el.updateComplete;
  return el;
}

const text = (el: TestGreeting) => el.shadowRoot!.textContent.trim();

describe('emit', () => {
  it('dispatches typed, bubbling, composed events that cross shadow roots', async () => {
    const el = await mount(html`<egov-test-greeting></egov-test-greeting>`);
    const received: number[] = [];
    const listener = (event: TestPingEvent) => received.push(event.detail.count);
    document.addEventListener('egov-test-ping', listener);
    const event = el.emit('egov-test-ping', { detail: { count: 3 } });
    document.removeEventListener('egov-test-ping', listener);
    expect(received).toEqual([3]);
    expect(event.bubbles).toBe(true);
    expect(event.composed).toBe(true);
    expect(event.cancelable).toBe(false);
  });

  it('needs no detail for events without one, and can be made cancelable', async () => {
    const el = await mount(html`<egov-test-greeting></egov-test-greeting>`);
    el.addEventListener('egov-test-ready', (event) => event.preventDefault(), { once: true });
    const event = el.emit('egov-test-ready', { cancelable: true });
    expect(event.defaultPrevented).toBe(true);
    expect(el.emit('egov-test-ready').detail).toBeNull();
  });

  it('fires a renamed event under its deprecated alias too, after the new name, and warns once per alias', async () => {
    const el = await mount(html`<egov-test-greeting></egov-test-greeting>`);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const seen: string[] = [];
    const onNew = (event: TestPingEvent) => seen.push(`${event.type} ${event.detail.count}`);
    const onOld = (event: TestPingEvent) => seen.push(`${event.type} ${event.detail.count}`);
    document.addEventListener('egov-test-ping', onNew);
    document.addEventListener('egov-test-pinged', onOld);
    try {
      el.emit('egov-test-ping', { detail: { count: 1 } }, { deprecatedAlias: 'egov-test-pinged' });
      el.emit('egov-test-ping', { detail: { count: 2 } }, { deprecatedAlias: 'egov-test-pinged' });
      el.emit('egov-test-ping', { detail: { count: 3 } });
      expect(seen).toEqual(['egov-test-ping 1', 'egov-test-pinged 1', 'egov-test-ping 2', 'egov-test-pinged 2', 'egov-test-ping 3']);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]?.[0])).toMatch(/"egov-test-pinged" đã lỗi thời.*"egov-test-ping".*deprecated/);
    } finally {
      document.removeEventListener('egov-test-ping', onNew);
      document.removeEventListener('egov-test-pinged', onOld);
      warn.mockRestore();
    }
  });

  it('a preventDefault() on the deprecated alias cancels the new event too', async () => {
    const el = await mount(html`<egov-test-greeting></egov-test-greeting>`);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    el.addEventListener('egov-test-pinged', (event) => event.preventDefault(), { once: true });
    try {
      const prevented = el.emit('egov-test-ping', { detail: { count: 4 }, cancelable: true }, { deprecatedAlias: 'egov-test-pinged' });
      expect(prevented.defaultPrevented).toBe(true);
      const kept = el.emit('egov-test-ping', { detail: { count: 5 }, cancelable: true }, { deprecatedAlias: 'egov-test-pinged' });
      expect(kept.defaultPrevented).toBe(false);
    } finally {
      warn.mockRestore();
    }
  });
});

describe('locale and messages', () => {
  it('speaks Vietnamese by default', async () => {
    const el = await mount(html`<egov-test-greeting></egov-test-greeting>`);
    expect(el.locale).toBe('vi');
    expect(text(el)).toBe('Xin chào, 2 mục');
  });

  it('follows its own lang first, then the closest ancestor, then the document', async () => {
    document.documentElement.lang = 'en-US';
    let el = await mount(html`<egov-test-greeting></egov-test-greeting>`);
    expect(el.locale).toBe('en');
    expect(text(el)).toBe('Hello, 2 items');

    host.lang = 'vi-VN';
    el = await mount(html`<egov-test-greeting></egov-test-greeting>`);
    expect(el.locale).toBe('vi');

    el = await mount(html`<egov-test-greeting lang="en"></egov-test-greeting>`);
    expect(el.locale).toBe('en');
    expect(text(el)).toBe('Hello, 2 items');
  });

  it('falls back to Vietnamese for a language it does not speak', async () => {
    const el = await mount(html`<egov-test-greeting lang="fr"></egov-test-greeting>`);
    expect(el.locale).toBe('vi');
  });

  it('re-renders when its own or an ancestor lang changes', async () => {
    const el = await mount(html`<egov-test-greeting></egov-test-greeting>`);
    host.setAttribute('lang', 'en');
    await vi.waitFor(() => expect(el.locale).toBe('en'));
    await el.updateComplete;
    expect(text(el)).toBe('Hello, 2 items');

    el.lang = 'vi';
    expect(el.locale).toBe('vi');
    await el.updateComplete;
    expect(text(el)).toBe('Xin chào, 2 mục');
  });

  it('reads the lang of a shadow host above it', async () => {
    const outer = document.createElement('section');
    outer.lang = 'en';
    const shadow = outer.attachShadow({ mode: 'open' });
    host.append(outer);
    const inner = document.createElement('egov-test-greeting');
    shadow.append(inner);
    await inner.updateComplete;
    expect(inner.locale).toBe('en');
    outer.remove();
  });
});

describe('define', () => {
  it('registers once and warns when another class holds the tag', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    TestGreeting.define('egov-test-greeting');
    expect(warn).not.toHaveBeenCalled();

    class Other extends EgovElement {}
    Other.define('egov-test-greeting');
    expect(customElements.get('egov-test-greeting')).toBe(TestGreeting);
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0]?.[0])).toContain('<egov-test-greeting>');
  });

  it('registers the same class under a second tag through a subclass', () => {
    TestGreeting.define('egov-test-greeting-alias');
    const alias = customElements.get('egov-test-greeting-alias');
    expect(alias).toBeDefined();
    expect(alias).not.toBe(TestGreeting);
    expect(alias?.prototype).toBeInstanceOf(TestGreeting);
  });

  it('throws a located error when msg is used without a catalogue', () => {
    class NoMessages extends EgovElement {}
    NoMessages.define('egov-test-no-messages');
    const el = new NoMessages();
    expect(() => el.msg('anything')).toThrow('egov-test-no-messages: static messages is not declared.');
  });
});
