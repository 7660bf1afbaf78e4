import { defineMessages, EgovElement, hostStyles, primaryButtonStyles, visuallyHidden } from '@egov-vn/elements-core';
import type { TrustInput } from '@egov-vn/pdf-signature';
import { html, nothing } from 'lit';
import type { PropertyDeclarations } from 'lit';
import type { SignerProvider } from '../internal/providers.js';
import type { EgovSignDialog } from '../sign-dialog/sign-dialog.component.js';
import styles from './sign-button.styles.js';

const messages = defineMessages({
  vi: { sign: 'Ký số', document: (name: string) => `văn bản ${name}` },
  en: { sign: 'Sign', document: (name: string) => `the document ${name}` },
});

/**
 * @summary A button that opens `<egov-sign-dialog>` for one document (`pdf` bytes or `src` URL). Its define file
 * registers `<egov-sign-dialog>` too.
 * @tagname egov-sign-button
 *
 * @fires {EgovSignButtonOpenEvent} egov-sign-button-open - The dialog was opened.
 * @fires {EgovSignDialogSignEvent} egov-sign-dialog-sign - From the dialog: the document was signed (bubbles out of the button).
 * @fires {EgovSignDialogErrorEvent} egov-sign-dialog-error - From the dialog: signing failed.
 * @fires {EgovSignDialogCloseEvent} egov-sign-dialog-close - From the dialog: it closed.
 *
 * @slot - The button text (default “Ký số”).
 *
 * @csspart button - The button.
 * @csspart dialog - The dialog element (`<egov-sign-dialog>`); style its own parts through it.
 *
 * @cssprop --egov-color-primary - The button's background.
 * @cssprop --egov-color-on-primary - The button's text.
 */
export class EgovSignButton extends EgovElement<typeof messages> {
  static override messages = messages;
  static override styles = [hostStyles, visuallyHidden, primaryButtonStyles, styles];
  static override properties: PropertyDeclarations = {
    pdf: { attribute: false },
    src: {},
    fileName: { attribute: 'file-name' },
    trustAnchors: { attribute: false },
    providers: { attribute: false },
  };

  /** The PDF to sign. */
  declare pdf: Uint8Array | undefined;
  /** URL of the PDF to sign. */
  declare src: string | undefined;
  /** Name of the document, used in the button's accessible name and the dialog. */
  declare fileName: string;
  /** Trust anchors for checking the result. */
  declare trustAnchors: readonly TrustInput[];
  /** Providers to offer (default: the registered ones). */
  declare providers: readonly SignerProvider[] | undefined;

  constructor() {
    super();
    this.pdf = undefined;
    this.src = undefined;
    this.fileName = '';
    this.trustAnchors = [];
    this.providers = undefined;
  }

  /** The dialog this button opens. */
  get dialog(): EgovSignDialog {
    return this.renderRoot.querySelector('egov-sign-dialog')!;
  }

  readonly #onClick = (): void => {
    this.dialog.show();
    this.emit('egov-sign-button-open');
  };

  override render() {
    return html`<button
        part="button"
        type="button"
        aria-haspopup="dialog"
        @click=${this.#onClick}
      >
        <slot>${this.msg('sign')}</slot>${this.fileName
          ? html`<span class="visually-hidden"> ${this.msg('document', this.fileName)}</span>`
          : nothing}
      </button>
      <egov-sign-dialog
        part="dialog"
        exportparts="dialog: dialog-native"
        .pdf=${this.pdf}
        .src=${this.src}
        .fileName=${this.fileName}
        .trustAnchors=${this.trustAnchors}
        .providers=${this.providers}
      ></egov-sign-dialog>`;
  }
}
