// Once per element (the first story of every stories file), the display modes WCAG asks for:
// - 200 % zoom (a 1280 px screen at 200 % is 640 CSS px) and reflow at 320 CSS px (1.4.4, 1.4.10): the page never
//   scrolls sideways (a wide table may scroll inside its own region, which the page does not);
// - forced colours (Windows high contrast, `forced-colors: active` emulated through the DevTools protocol): the
//   keyboard reaches the element's controls and each focused control keeps a visible outline (box-shadow rings and
//   backgrounds are dropped by the browser in this mode); a picture of each goes to .test-results/modes/;
// - `prefers-reduced-motion: reduce`: no animation or transition runs (durations 0).
/// <reference types="vite/client" />
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cdp, page, userEvent } from 'vitest/browser';
import { composeAll, show as showStory } from './compose.js';
import type { Composed } from './compose.js';

type StoriesModule = { default: { title?: string } };
const modules = import.meta.glob<StoriesModule>('../../../packages/*/src/**/*.stories.ts', { eager: true });
/** One story per element: the first export of each file in name order (the design tokens page is not an element). */
const elements = Object.entries(modules)
  .filter(([path]) => !path.includes('/elements-core/'))
  .map(([path, module]) => {
    return { title: module.default.title ?? path, story: composeAll(module)[0]! };
  });

const session = cdp();
const emulate = (features: Array<{ name: string; value: string }>) => session.send('Emulation.setEmulatedMedia', { features });
let mounted: HTMLElement | undefined;

async function show(story: Composed): Promise<HTMLElement> {
  mounted = await showStory(story);
  return mounted;
}

/** The focused element, inside shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Whether an element is in the story, through the shadow roots that hold it. */
function inStory(root: HTMLElement, el: Element): boolean {
  let node: Node | null = el;
  while (node && !root.contains(node)) {
    const owner = node.getRootNode();
    node = owner instanceof ShadowRoot ? owner.host : null;
  }
  return node !== null;
}

/** Every element of a subtree, shadow roots included. */
function* deepElements(root: Element | ShadowRoot): Generator<Element> {
  for (const el of root.querySelectorAll('*')) {
    yield el;
    if (el.shadowRoot) yield* deepElements(el.shadowRoot);
  }
}

const seconds = (list: string): number[] => list.split(',').map((v) => parseFloat(v) * (v.trim().endsWith('ms') ? 0.001 : 1));

afterEach(async () => {
  mounted?.remove();
  mounted = undefined;
  await emulate([]);
});
afterAll(async () => {
  await page.viewport(1200, 900);
});

describe.each(elements)('$title', ({ story }) => {
  it('reflows at 200 % zoom (640 CSS px) and at 320 CSS px without the page scrolling sideways', async () => {
    for (const width of [640, 320]) {
      await page.viewport(width, 900);
      const root = await show(story);
      expect.soft(document.documentElement.scrollWidth, `page width at ${width} px`).toBeLessThanOrEqual(width);
      expect.soft(root.getBoundingClientRect().right, `story right edge at ${width} px`).toBeLessThanOrEqual(width);
      mounted?.remove();
    }
  });

  it('in forced colours, every control the keyboard reaches shows a visible focus outline', async () => {
    await page.viewport(1200, 900);
    await emulate([{ name: 'forced-colors', value: 'active' }]);
    expect(matchMedia('(forced-colors: active)').matches).toBe(true);
    const root = await show(story);
    const reached: string[] = [];
    (document.activeElement as HTMLElement | null)?.blur();
    for (let i = 0; i < 6; i++) {
      await userEvent.keyboard('{Tab}');
      const active = deepActive();
      if (!active || !inStory(root, active)) break;
      const style = getComputedStyle(active);
      const label = `${active.localName}${active.id ? `#${active.id}` : ''} (${reached.length + 1})`;
      reached.push(label);
      expect.soft(style.outlineStyle, `${label} outline style`).not.toBe('none');
      expect.soft(parseFloat(style.outlineWidth), `${label} outline width`).toBeGreaterThanOrEqual(1);
    }
    // Tab reaches something exactly when the story has a control (egov-deadline, a label, has none).
    const focusable = [...deepElements(root)].some((el) => el.matches('button, input, select, textarea, summary, a[href], [tabindex]:not([tabindex="-1"])'));
    expect(reached.length > 0, `controls reached with Tab: ${reached.join(', ')}`).toBe(focusable);
    await page.screenshot({ element: root.getBoundingClientRect().height > 0 ? root : document.documentElement, path: `../.test-results/modes/${story.id}-forced-colors.png` });
  });

  it('with prefers-reduced-motion: reduce, nothing animates or transitions', async () => {
    await page.viewport(1200, 900);
    await emulate([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
    const root = await show(story);
    for (const el of deepElements(root)) {
      const style = getComputedStyle(el);
      const animation = style.animationName === 'none' ? 0 : Math.max(...seconds(style.animationDuration));
      expect.soft(animation, `${el.localName} animation`).toBe(0);
      expect.soft(Math.max(...seconds(style.transitionDuration)), `${el.localName}.${el.className} transition`).toBe(0);
    }
  });
});

it('the reduced-motion check can fail: without the preference the primary buttons do transition', async () => {
  const button = elements.find((e) => e.title.includes('egov-sign-button'))!;
  const root = await show(button.story);
  const durations = [...deepElements(root)].flatMap((el) => seconds(getComputedStyle(el).transitionDuration));
  expect(Math.max(...durations)).toBeGreaterThan(0);
});
