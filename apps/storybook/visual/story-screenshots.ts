// Visual regression of every story (setup file of the story tests): after a story has rendered and its play function
// and axe checks have passed, its root (or, for a story showing only a modal dialog, the viewport) is compared with the committed images visual/baselines/<story id>-light.png
// and -dark.png (the same render, the page switched to data-theme="dark"). Tolerance and paths: vitest.config.ts.
// Regenerate every image after an intended change: pnpm --filter @egov-vn/storybook test:visual:update
import { afterEach, beforeEach, expect } from 'vitest';

let before = new Set<Element>();

beforeEach(() => {
  before = new Set(document.body.children);
});

/** An open modal dialog (in the top layer) inside the story, shadow roots included. */
function hasOpenDialog(root: Element | ShadowRoot): boolean {
  for (const node of root.querySelectorAll('*')) {
    if (node instanceof HTMLDialogElement && node.open) return true;
    if (node.shadowRoot && hasOpenDialog(node.shadowRoot)) return true;
  }
  return false;
}

const hasArea = (el: Element): boolean => {
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0;
};

const frame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

afterEach(async (context) => {
  const storyId = (context.task.meta as { storyId?: string }).storyId;
  // A story that already failed (play function, axe) is reported for that; no picture on top.
  if (!storyId || (context.task.result?.errors?.length ?? 0) > 0) return;
  // Storybook renders each story into a fresh <div> appended to <body> (and removes the previous one).
  const root = [...document.body.children].find((child) => !before.has(child) && child.localName === 'div');
  if (!(root instanceof HTMLElement)) throw new Error(`story ${storyId}: no story root found in <body>`);
  // A story that only shows a modal dialog has an empty root: the whole viewport is compared (the dialog is in the
  // top layer; Vitest's locators do not reach into the element's shadow root).
  const target = hasArea(root) ? root : hasOpenDialog(root) ? document.documentElement : undefined;
  if (!target) throw new Error(`story ${storyId}: the story root is empty and shows no open dialog: nothing to compare`);
  const html = document.documentElement;
  const theme = html.dataset['theme'];
  try {
    for (const scheme of ['light', 'dark'] as const) {
      html.dataset['theme'] = scheme;
      await document.fonts.ready;
      await frame();
      await expect.element(target).toMatchScreenshot(`${storyId}-${scheme}`);
    }
  } finally {
    if (theme === undefined) delete html.dataset['theme'];
    else html.dataset['theme'] = theme;
  }
});
