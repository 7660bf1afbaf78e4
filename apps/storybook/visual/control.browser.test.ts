// The control of the visual comparison: a story rendered as the story tests render it matches its committed picture,
// and the same story moved by 2 px does not. Run with the story tests (pnpm test); never with -u, which would write
// the shifted picture as the reference (the update command, test:visual:update, runs the story project only).
import { beforeAll, describe, expect, it } from 'vitest';
import { page, server } from 'vitest/browser';
import * as deadlineStories from '../../../packages/calendar-elements/src/deadline/deadline.stories.js';
import { composeAll, show } from './compose.js';

const onTrack = composeAll(deadlineStories).find((s) => s.id === 'calendar-elements-egov-deadline--on-track')!;
const reference = 'calendar-elements-egov-deadline--on-track-light';

beforeAll(async () => {
  // The story tests' viewport (Storybook's default for its Vitest addon).
  await page.viewport(1200, 900);
});

describe('visual regression control', () => {
  it('refuses to run in update mode (it would write the shifted picture as the reference)', () => {
    expect(server.config.snapshotOptions.updateSnapshot).not.toBe('all');
  });

  it('the story as rendered by the story tests matches its picture, and a 2 px shift is reported as a mismatch', async () => {
    const root = await show(onTrack);
    const element = root.querySelector<HTMLElement>('egov-deadline')!;
    await expect.poll(() => element.shadowRoot?.querySelector('[part=label]')?.textContent).toBe('Còn 4 ngày làm việc');
    await document.fonts.ready;
    await expect.element(root).toMatchScreenshot(reference);
    element.style.translate = '2px 0';
    await new Promise(requestAnimationFrame);
    let error: unknown;
    try {
      await expect.element(root, { timeout: 2000 }).toMatchScreenshot(reference);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/mismatch|differ|pixels/i);
  });
});
