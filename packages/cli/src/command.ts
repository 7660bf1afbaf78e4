import type { Lang } from './i18n.js';

/** What a command gets from the CLI: its arguments, the language, and where to write. */
export interface CommandContext {
  argv: string[];
  lang: Lang;
  stdout: Writable;
  stderr: Writable & { isTTY?: boolean; columns?: number };
  cwd: string;
}

export interface Writable {
  write(chunk: string): unknown;
}

/** Exit codes shared by every command. */
export const EXIT_OK = 0;
export const EXIT_NOT_CONFORMANT = 1;
export const EXIT_USAGE = 2;

/** A command module: `egov-vn <name> …`. */
export interface Command {
  name: string;
  summary: { vi: string; en: string };
  run(ctx: CommandContext): Promise<number>;
}

/** How a command is listed: loaded only when it runs, so that adding commands does not slow the others down. */
export interface CommandEntry {
  name: string;
  summary: { vi: string; en: string };
  load(): Promise<Command>;
}
