// Stories rendered outside the story tests (the visual control and the display-mode checks), exactly as Storybook's
// web-components renderer renders a lit template (into <div id="root-inner"> inside the story's container), with the
// project annotations of .storybook/preview.ts (tokens, language and theme decorator).
import { render } from 'lit';
import type { TemplateResult } from 'lit';
import { composeStories, setProjectAnnotations } from 'storybook/preview-api';
import type { Store_CSFExports } from 'storybook/internal/types';
import preview from '../.storybook/preview.js';

interface RenderContext {
  storyFn: () => TemplateResult;
  showMain: () => void;
  forceRemount: boolean;
}

function renderToCanvas({ storyFn, showMain, forceRemount }: RenderContext, canvas: HTMLElement): void {
  const template = storyFn();
  showMain();
  if (forceRemount || !canvas.querySelector('[id="root-inner"]')) canvas.innerHTML = '<div id="root-inner"></div>';
  render(template, canvas.querySelector<HTMLElement>('[id="root-inner"]')!);
}

// composeStories hands its second argument to each story as its project annotations.
const annotations = setProjectAnnotations([preview, { renderToCanvas } as unknown as typeof preview]);

/** A story ready to run: `run()` renders it into a new <div> appended to <body> and runs its play function. */
export interface Composed {
  id: string;
  run: () => Promise<void>;
}

/** Every story of a stories module, composed. */
export function composeAll(module: unknown): Composed[] {
  return Object.values<Composed>(composeStories(module as Store_CSFExports, annotations));
}

/** Run a story and return its container (the <div> Storybook appends to <body>). */
export async function show(story: Composed): Promise<HTMLElement> {
  const before = new Set(document.body.children);
  await story.run();
  const root = [...document.body.children].find((c) => !before.has(c) && c.localName === 'div');
  if (!(root instanceof HTMLElement)) throw new Error(`story ${story.id}: no container appended to <body>`);
  await new Promise((resolve) => requestAnimationFrame(resolve));
  return root;
}
