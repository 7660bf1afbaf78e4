// Test helpers shared by the browser tests (not exported by the package).
import { html, render } from 'lit';
import type { TemplateResult } from 'lit';

export const host = document.createElement('div');
document.body.append(host);

export function clear(): void {
  render(html``, host);
  host.setAttribute('lang', 'vi');
}

export async function mount<K extends keyof HTMLElementTagNameMap>(tag: K, template: TemplateResult): Promise<HTMLElementTagNameMap[K]> {
  render(template, host);
  const el = host.querySelector(tag)!;
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return el;
}

export const shadow = (el: Element, selector: string): HTMLElement => el.shadowRoot!.querySelector<HTMLElement>(selector)!;
export const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
