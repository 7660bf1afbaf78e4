// Keep keyboard focus inside a dialog while it is open and give it back where it was on close.
import { createFocusTrap } from 'focus-trap';
import type { FocusTrap, Options } from 'focus-trap';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The element that really has focus, looking into open shadow roots (`document.activeElement` stops at hosts). */
export function deepActiveElement(doc: Document = document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * A Lit controller around [focus-trap](https://github.com/focus-trap/focus-trap), set up for shadow DOM: tabbable
 * elements are found inside open shadow roots, and on deactivation focus returns to the element (even one inside
 * a shadow root) that had it when the trap was activated. The trap is released when the host disconnects.
 *
 * ```ts
 * #trap = new FocusTrapController(this, () => this.shadowRoot?.querySelector('dialog'));
 * show() { this.open = true; await this.updateComplete; this.#trap.activate(); }
 * ```
 */
export class FocusTrapController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #container: () => HTMLElement | null | undefined;
  readonly #options: Options;
  #trap: FocusTrap | undefined;
  #returnTo: HTMLElement | SVGElement | undefined;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    container: () => HTMLElement | null | undefined,
    options: Options = {},
  ) {
    this.#host = host;
    this.#container = container;
    this.#options = options;
    host.addController(this);
  }

  /** Whether the trap currently holds focus. */
  get active(): boolean {
    return this.#trap?.active ?? false;
  }

  /** Move focus into the container (its first tabbable element, or the container itself) and keep it there. */
  activate(): void {
    if (this.active) return;
    const container = this.#container();
    if (!container) throw new Error(`${this.#host.localName}: focus trap container not found.`);
    const doc = this.#host.ownerDocument;
    const previous = deepActiveElement(doc);
    this.#returnTo = previous instanceof HTMLElement || previous instanceof SVGElement ? previous : undefined;
    this.#trap = createFocusTrap(container, {
      document: doc,
      tabbableOptions: { getShadowRoot: true },
      fallbackFocus: container,
      // Focus moves at once, so callers can rely on it right after activate() (focus-trap delays it by default).
      delayInitialFocus: false,
      escapeDeactivates: false,
      allowOutsideClick: true,
      // Focus goes back in deactivate() itself: focus-trap would do it on a timer, and only to the shadow host.
      returnFocusOnDeactivate: false,
      ...this.#options,
    });
    this.#trap.activate();
  }

  /** Release the trap and give focus back. */
  deactivate(): void {
    if (!this.#trap) return;
    this.#trap.deactivate();
    this.#trap = undefined;
    const target = this.#returnTo;
    this.#returnTo = undefined;
    if (target?.isConnected && this.#options.returnFocusOnDeactivate !== false) target.focus({ preventScroll: true });
  }

  hostDisconnected(): void {
    this.deactivate();
  }
}
