// The commands of `egov-vn`. To add one (e.g. `sign`, `verify`), write `src/commands/<name>.ts` exporting a
// `Command` as `command`, and add an entry here; nothing else changes.
import type { CommandEntry } from '../command.js';

export const builtinCommands: CommandEntry[] = [
  {
    name: 'check',
    summary: { vi: 'Kiểm tra gói tin edXML và JSON văn bản', en: 'Check edXML packages and document JSON' },
    load: async () => (await import('./check.js')).command,
  },
  {
    name: 'sign',
    summary: { vi: 'Ký số tệp PDF (PAdES, ghi nối tiếp)', en: 'Sign a PDF (PAdES, incremental update)' },
    load: async () => (await import('./sign.js')).command,
  },
  {
    name: 'copy',
    summary: { vi: 'Tạo bản sao điện tử (sao y) từ ảnh quét, có ký số', en: 'Make a signed electronic copy (sao y) from scans' },
    load: async () => (await import('./copy.js')).command,
  },
  {
    name: 'verify',
    summary: { vi: 'Kiểm tra chữ ký số trên tệp PDF', en: 'Verify the digital signatures of PDF files' },
    load: async () => (await import('./verify.js')).command,
  },
];
