import { html, LitElement, render } from 'lit';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { deepActiveElement, FocusTrapController } from './focus-trap.js';

class TestDialog extends LitElement {
  readonly trap = new FocusTrapController(this, () => this.shadowRoot?.querySelector<HTMLElement>('[role=dialog]'));

  override render() {
    return html`<div role="dialog" aria-label="Hộp thoại" tabindex="-1">
      <button id="first">Một</button>
      <button id="last">Hai</button>
    </div>`;
  }
}
customElements.define('egov-test-dialog', TestDialog);

class TestOpener extends LitElement {
  override render() {
    return html`<button id="open">Mở</button>`;
  }
}
customElements.define('egov-test-opener', TestOpener);

const host = document.createElement('div');
document.body.append(host);

afterEach(() => render(html``, host));

describe('FocusTrapController', () => {
  it('keeps Tab and Shift+Tab inside the container and gives focus back on deactivate', async () => {
    render(
      html`<egov-test-opener></egov-test-opener><button id="outside">Ngoài</button
        ><egov-test-dialog></egov-test-dialog>`,
      host,
    );
    const opener = host.querySelector('egov-test-opener') as TestOpener;
    const dialog = host.querySelector('egov-test-dialog') as TestDialog;
    await opener.updateComplete;
    await dialog.updateComplete;
    const openButton = opener.shadowRoot!.querySelector<HTMLButtonElement>('#open')!;
    openButton.focus();
    expect(deepActiveElement()).toBe(openButton);

    dialog.trap.activate();
    expect(dialog.trap.active).toBe(true);
    const first = dialog.shadowRoot!.querySelector('#first');
    const last = dialog.shadowRoot!.querySelector('#last');
    expect(deepActiveElement()).toBe(first);
    await userEvent.tab();
    expect(deepActiveElement()).toBe(last);
    await userEvent.tab();
    expect(deepActiveElement()).toBe(first);
    await userEvent.tab({ shift: true });
    expect(deepActiveElement()).toBe(last);

    dialog.trap.deactivate();
    expect(dialog.trap.active).toBe(false);
    expect(deepActiveElement()).toBe(openButton);
  });

  it('is released when its host disconnects', async () => {
    render(html`<egov-test-dialog></egov-test-dialog>`, host);
    const dialog = host.querySelector('egov-test-dialog') as TestDialog;
    await dialog.updateComplete;
    dialog.trap.activate();
    expect(dialog.trap.active).toBe(true);
    dialog.remove();
    expect(dialog.trap.active).toBe(false);
  });

  it('says which element lacks its container', () => {
    const orphan = new TestDialog();
    expect(() => orphan.trap.activate()).toThrow('egov-test-dialog: focus trap container not found.');
  });
});
