import type { SignerProvider } from './providers.js';

/** Where the plugin downloads the document from and uploads the signed file to (your server's endpoints). */
export interface VgcaStaging {
  /** A URL the plugin can download the document from (`FileName`). */
  readonly fileUrl: string;
  /** Where the plugin uploads the signed file (`FileUploadHandler`). */
  readonly uploadHandler: string;
}

export interface VgcaPluginProviderOptions {
  /** Puts the current bytes where the plugin can download them (the plugin is a native program, not the page). */
  stage(pdf: Uint8Array): Promise<VgcaStaging>;
  /** Reads the signed file back from the `FileServer` the plugin reports (default: `fetch`). */
  fetchSigned?: (fileServer: string) => Promise<Uint8Array>;
  /** How long to wait for the plugin (default 300 000 ms: the signer types the token PIN). */
  timeoutMs?: number;
  id?: string;
  label?: { vi: string; en: string };
  hint?: { vi: string; en: string };
}

/**
 * The Ban Cơ yếu Chính phủ (VGCA) plugin as a provider of `<egov-sign-dialog>`, for pages where it is installed
 * (`window.vgca_sign_*`): the dialog's kind picks the plugin function (leader approves → `vgca_sign_approved`, the
 * agency seal or an appendix stamp → `vgca_sign_issued`, electronic copy → `vgca_sign_copy`). The plugin signs the
 * whole file with the USB token; the result is checked (original bytes kept, one new signature over the whole file,
 * TOTAL_PASSED against the dialog's trust anchors) before the dialog shows it. Register it only when
 * `vgcaPluginInstalled()` says so.
 */
export function vgcaPluginProvider(options: VgcaPluginProviderOptions): SignerProvider {
  return {
    id: options.id ?? 'vgca-plugin',
    label: options.label ?? { vi: 'USB token qua phần mềm ký số của Ban Cơ yếu Chính phủ (VGCA)', en: 'USB token through the Government Cipher Committee (VGCA) plugin' },
    hint: options.hint ?? { vi: 'Cắm USB token; phần mềm ký số sẽ hỏi mã PIN.', en: 'Plug in your token; the signing plugin asks for its PIN.' },
    createSigner() {
      // The plugin signs whole files: the dialog uses signDocument.
      return Promise.reject(Object.assign(new Error('VGCA plugin signs whole documents'), { code: 'VGCA_FAILED', vi: 'Phần mềm ký số VGCA ký cả tệp, không ký từng phần.', en: 'The VGCA plugin signs whole files.' }));
    },
    async signDocument(pdf, input) {
      const { vgcaSignPdf, VGCA_KIND_FOR } = await import('./core.js');
      const staged = await options.stage(pdf);
      const kind = VGCA_KIND_FOR[input.kind === 'appendix' ? 'seal' : input.kind];
      return vgcaSignPdf(pdf, {
        kind,
        fileUrl: staged.fileUrl,
        uploadHandler: staged.uploadHandler,
        ...(input.docNumber ? { docNumber: input.docNumber } : {}),
        ...(input.trustAnchors?.length ? { trustAnchors: input.trustAnchors } : {}),
        ...(options.fetchSigned ? { fetchSigned: options.fetchSigned } : {}),
        ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      });
    },
  };
}

/** Whether the VGCA plugin's functions are on this page. */
export async function vgcaPluginInstalled(): Promise<boolean> {
  const { vgcaAvailable } = await import('./core.js');
  return vgcaAvailable('approved');
}
