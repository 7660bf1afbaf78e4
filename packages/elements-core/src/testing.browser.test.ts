import { html, LitElement, render } from 'lit';
import { describe, expect, it } from 'vitest';
import { axeRunOnly, expectAxeClean, wcagTags } from './testing.js';

class TestLabelled extends LitElement {
  static override properties = { label: {} };
  declare label: string;

  override render() {
    return html`<button>${this.label}</button>`;
  }
}
customElements.define('egov-test-labelled', TestLabelled);

const host = document.createElement('div');
document.body.append(host);

describe('expectAxeClean', () => {
  it('passes an accessible element, shadow DOM included', async () => {
    render(html`<egov-test-labelled label="Gửi"></egov-test-labelled>`, host);
    const el = host.querySelector('egov-test-labelled') as TestLabelled;
    await el.updateComplete;
    const results = await expectAxeClean(el);
    expect(results.violations).toEqual([]);
    expect(results.testEngine.name).toBe('axe-core');
  });

  it('rejects with the rule and the target inside the shadow root', async () => {
    render(html`<egov-test-labelled></egov-test-labelled>`, host);
    const el = host.querySelector('egov-test-labelled') as TestLabelled;
    await el.updateComplete;
    await expect(expectAxeClean(el)).rejects.toThrow(/button-name[\s\S]*egov-test-labelled >>> button/);
  });

  it('queues concurrent runs instead of failing', async () => {
    render(html`<egov-test-labelled label="A"></egov-test-labelled>`, host);
    const el = host.querySelector('egov-test-labelled') as TestLabelled;
    await el.updateComplete;
    const runs = await Promise.all([expectAxeClean(el), expectAxeClean(el), expectAxeClean(el)]);
    expect(runs).toHaveLength(3);
  });

  it('checks WCAG 2.2 AA: tiny adjacent buttons fail target-size (2.5.8), a rule axe runs only for the wcag22aa tag', async () => {
    expect(wcagTags).toEqual(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']);
    expect(axeRunOnly.values).toContain('wcag22aa');
    render(
      html`<div id="tiny">
        <button style="width:10px;height:10px;padding:0;border:0;margin:0" aria-label="A"></button><button
          style="width:10px;height:10px;padding:0;border:0;margin:0"
          aria-label="B"
        ></button>
      </div>`,
      host,
    );
    const tiny = host.querySelector('#tiny')!;
    await expect(expectAxeClean(tiny)).rejects.toThrow(/target-size/);
    // The same markup passes when only WCAG 2.1 is asked for: the 2.2 tag is what catches it.
    await expect(expectAxeClean(tiny, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).resolves.toBeDefined();
  });
});
