// What the office features' browser tests share: the page's container, mounting a feature, shadow-DOM look-ups, the
// demo users and the axe options (WCAG 2.2 AA tags).
import { wcagTags } from '@egov-vn/elements-core/testing';
import { render, type TemplateResult } from 'lit';

/** A container appended to the page, in Vietnamese before each test (`lang` set by the caller's `beforeEach`). */
export function pageHost(): HTMLElement {
  const host = document.createElement('div');
  document.body.append(host);
  return host;
}

/** Renders `template` into `host` and answers its first `tag` once that has rendered. */
export async function mountIn<K extends keyof HTMLElementTagNameMap>(host: HTMLElement, template: TemplateResult, tag: K): Promise<HTMLElementTagNameMap[K]> {
  render(template, host);
  const el = host.querySelector(tag)!;
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return el;
}

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the element type
export const q = <T extends HTMLElement = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);

/** The rows of a feature's list. */
export const rows = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tr[part=row]')];

/** The button of the feature whose text is `text` (or matches it). */
export const button = (el: Element, text: string | RegExp) =>
  [...el.shadowRoot!.querySelectorAll('button')].find((b) => (typeof text === 'string' ? b.textContent.trim() === text : text.test(b.textContent)))!;

export const clerk = { id: 'vanthu', name: 'Nguyễn Thị Lan', role: 'vanThu' } as const;
export const leader = { id: 'lanhdao', name: 'Trần Văn Minh', role: 'lanhDao' } as const;

/** axe options: the WCAG 2.2 AA rules. */
export const axeTags = { runOnly: { type: 'tag' as const, values: [...wcagTags] } };
