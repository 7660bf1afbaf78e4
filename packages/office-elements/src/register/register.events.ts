import type { RegisterKind } from '@egov-vn/office-api';

/** Export formats of a register: CSV (UTF-8 with BOM, for spreadsheets), PDF (A4 landscape, printable), JSON. */
export type RegisterExportFormat = 'csv' | 'pdf' | 'json';

/**
 * Fired by <egov-register> when an export is ready. Cancelable: `preventDefault()` and the host saves, prints or
 * uploads `detail.bytes` itself; otherwise the browser downloads `detail.fileName`.
 */
export type EgovRegisterExportEvent = CustomEvent<{ kind: RegisterKind; year: number; format: RegisterExportFormat; fileName: string; bytes: Uint8Array }>;

declare global {
  interface GlobalEventHandlersEventMap {
    'egov-register-export': EgovRegisterExportEvent;
  }
}
