// The commands of `egov-vn`. To add one (e.g. `sign`, `verify`), write `src/commands/<name>.ts` exporting a
// `Command` as `command`, and add an entry here; nothing else changes.
import type { CommandEntry } from '../command.js';

export const builtinCommands: CommandEntry[] = [
  {
    name: 'check',
    summary: { vi: 'Kiểm tra gói tin edXML và JSON văn bản', en: 'Check edXML packages and document JSON' },
    load: async () => (await import('./check.js')).command,
  },
];
