// Vitest browser commands over the real-server harness (./real-office.ts): they run in the Vitest (Node) process and
// are called from browser tests through `commands` of `vitest/browser` (typed in ./real-office.browser.ts). The
// harness is loaded through the project's module runner, so it runs the workspace's sources (not their builds).
import { join } from 'node:path';
import type { BrowserCommand, BrowserCommandContext } from 'vitest/node';
import type * as Harness from './real-office.js';

const file = join(import.meta.dirname, 'real-office.ts');
const harness = (ctx: BrowserCommandContext) => ctx.project.import<typeof Harness>(file);

type Command = BrowserCommand<never[]>;

export const realOfficeCommands: Record<string, Command> = {
  realOfficeStart: (async (ctx: BrowserCommandContext) => {
    const h = await harness(ctx);
    const office = await h.realOffice();
    return { url: office.url, hubUrl: office.hubUrl, agencies: { A: h.AGENCY_A, B: h.AGENCY_B }, users: h.realUsers };
  }) as Command,
  realOfficeToken: (async (ctx: BrowserCommandContext, user: Harness.RealUserKey, expiresIn?: string) => (await harness(ctx)).realToken(user, expiresIn)) as Command,
  realOfficeCall: (async (ctx: BrowserCommandContext, user: Harness.RealUserKey, method: string, path: string, body?: unknown) =>
    (await harness(ctx)).realCall(user, method, path, body)) as Command,
  realOfficeSend: (async (ctx: BrowserCommandContext, options: { subject: string; arrive?: boolean }) => (await harness(ctx)).realSend(options)) as Command,
  realOfficeLogs: (async (ctx: BrowserCommandContext) => (await (await harness(ctx)).realOffice()).logs.slice(-200).join('')) as Command,
};
