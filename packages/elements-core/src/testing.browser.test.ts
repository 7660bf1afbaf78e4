import { html, LitElement, render } from 'lit';
import { describe, expect, it } from 'vitest';
import { expectAxeClean } from './testing.js';

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
});
