/**
 * A fake of the VGCA signing plugin for tests and the demo: installs `vgca_sign_approved`, `vgca_sign_issued`,
 * `vgca_sign_copy` and `vgca_comment` on a page (or any object) and behaves like the plugin — downloads `FileName`,
 * signs it (demo PKI keys instead of a USB token), uploads the result to `FileUploadHandler` as multipart form data
 * (field `uploadfile`) and calls back with `{ Status: 0, Message, FileServer }`, where `FileServer` is what the
 * upload handler answered (JSON `{ FileServer }` or plain text). Never use it for real documents.
 */
import { signPdf, type SignPdfOptions } from '../sign/sign-pdf.js';
import type { Signer } from '../sign/signer.js';
import { VGCA_FUNCTIONS, type VgcaKind } from '../signers/vgca-plugin.js';

export type FakeVgcaBehaviour = 'sign' | 'cancel' | 'garbage' | 'silent' | 'replace';

export interface FakeVgcaOptions {
  /** The token's signer for each kind (approved, comment: the person; issued, copy: the agency). */
  signerFor(kind: VgcaKind): Signer;
  /** Extra signPdf options (timestamp, appearance…). */
  readonly sign?: Omit<SignPdfOptions, 'signer'>;
  readonly fetch?: typeof fetch;
  /** `sign` (default); `cancel` (Status 11, the user closed the PIN window); `garbage` (a callback that is not JSON);
   * `silent` (never calls back); `replace` (uploads a different, freshly signed document). */
  behaviour?: FakeVgcaBehaviour;
}

export interface FakeVgcaCall {
  readonly kind: VgcaKind;
  readonly parameters: Record<string, unknown>;
}

export interface FakeVgcaPlugin {
  /** Every call with its parsed parameters. */
  readonly calls: FakeVgcaCall[];
  setBehaviour(behaviour: FakeVgcaBehaviour): void;
  /** Removes the functions again. */
  uninstall(): void;
}

/** Installs the fake plugin's functions on `target` (default `globalThis`). */
export function installFakeVgcaPlugin(options: FakeVgcaOptions, target: object = globalThis): FakeVgcaPlugin {
  const calls: FakeVgcaCall[] = [];
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const slots = target as Record<string, unknown>;
  const run = async (kind: VgcaKind, parameters: Record<string, unknown>): Promise<string> => {
    const behaviour = options.behaviour ?? 'sign';
    if (behaviour === 'cancel') return JSON.stringify({ Status: 11, Message: 'Người dùng đã huỷ thao tác ký' });
    if (behaviour === 'garbage') return '<html>Lỗi</html>';
    const source = await doFetch(String(parameters.FileName));
    if (!source.ok) return JSON.stringify({ Status: 2, Message: `Không tải được tệp: HTTP ${source.status}` });
    let pdf = new Uint8Array(await source.arrayBuffer());
    if (behaviour === 'replace') {
      // Another document of the same length: the first digit in the file's first content changed.
      pdf = pdf.slice();
      const at = pdf.findIndex((b, i) => i > 16 && b >= 0x30 && b <= 0x38 && pdf[i - 1] === 0x20);
      pdf[at] = pdf[at]! + 1;
    }
    const signed = await signPdf(pdf, {
      ...options.sign,
      signer: options.signerFor(kind),
      reason: options.sign?.reason ?? { approved: 'Phê duyệt', issued: 'Phát hành', copy: 'Sao văn bản', comment: 'Cho ý kiến' }[kind],
    });
    const form = new FormData();
    form.append('uploadfile', new Blob([signed as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }), 'signed.pdf');
    const upload = await doFetch(String(parameters.FileUploadHandler), { method: 'POST', body: form });
    const text = await upload.text();
    if (!upload.ok) return JSON.stringify({ Status: 3, Message: `Tải tệp lên thất bại: HTTP ${upload.status}` });
    let fileServer = text.trim();
    try {
      const parsed = JSON.parse(text) as { FileServer?: unknown };
      if (typeof parsed.FileServer === 'string') fileServer = parsed.FileServer;
    } catch {
      // plain text: the URL itself
    }
    return JSON.stringify({ Status: 0, Message: '', FileServer: fileServer, FileName: 'signed.pdf' });
  };
  for (const kind of Object.keys(VGCA_FUNCTIONS) as VgcaKind[]) {
    slots[VGCA_FUNCTIONS[kind]] = (json: string, callback: (reply: string) => void): void => {
      const parameters = JSON.parse(json) as Record<string, unknown>;
      calls.push({ kind, parameters });
      if ((options.behaviour ?? 'sign') === 'silent') return;
      void run(kind, parameters).then(callback, (error: unknown) => {
        callback(JSON.stringify({ Status: 1, Message: error instanceof Error ? error.message : String(error) }));
      });
    };
  }
  return {
    calls,
    setBehaviour(behaviour) {
      options.behaviour = behaviour;
    },
    uninstall() {
      for (const name of Object.values(VGCA_FUNCTIONS)) Reflect.deleteProperty(slots, name);
    },
  };
}
