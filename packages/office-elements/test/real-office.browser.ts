// Browser side of the real-server harness: what an office-elements browser test calls to use the real office server
// (through the gateway, with a real hub behind it). The server is started by the first call and shared by every file.
//
//   const office = await connectRealOffice('clerkB');          // { backend, user, baseUrl, getToken }
//   render(html`<egov-incoming .office=${office}></egov-incoming>`, host);
import { commands } from 'vitest/browser';
import { httpOfficeBackend } from '../src/backend/http.js';
import type { OfficeHost } from '../src/context/context.js';
import type { RealUserKey, SentDocument } from './real-office.js';
import type { realUsers } from './real-office.js';

export type { RealUserKey, SentDocument };

interface RealOfficeInfo {
  url: string;
  hubUrl: string;
  agencies: Record<'A' | 'B', { code: string; name: string; abbreviation: string }>;
  users: typeof realUsers;
}

declare module 'vitest/browser' {
  interface BrowserCommands {
    realOfficeStart: () => Promise<RealOfficeInfo>;
    realOfficeToken: (user: RealUserKey, expiresIn?: string) => Promise<string>;
    realOfficeCall: (user: RealUserKey, method: string, path: string, body?: unknown) => Promise<{ status: number; body: unknown }>;
    realOfficeSend: (options: { subject: string; arrive?: boolean }) => Promise<SentDocument>;
    realOfficeLogs: () => Promise<string>;
  }
}

/** Starts (once) the hub and the office server; answers their URLs, agencies and users. */
export function realOfficeInfo(): Promise<RealOfficeInfo> {
  return commands.realOfficeStart();
}

/** A fresh token of a harness user (the test identity provider signs it in Node; no key reaches the page). */
export function realToken(user: RealUserKey, expiresIn?: string): Promise<string> {
  return commands.realOfficeToken(user, expiresIn);
}

/** A call to the office server as a user, from the Node side (setup and assertions). */
export function realCall(user: RealUserKey, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  return commands.realOfficeCall(user, method, path, body);
}

/** Agency A sends a document to B through the hub (draft → sign → number → seal → send); waits for B to receive it. */
export function realSend(options: { subject: string; arrive?: boolean }): Promise<SentDocument> {
  return commands.realOfficeSend(options);
}

/** The host context of a harness user: the HTTP backend to the real server, asking for a token before each request. */
export async function connectRealOffice(user: RealUserKey, options: { getToken?: () => Promise<string> } = {}): Promise<OfficeHost & { baseUrl: string; getToken: () => Promise<string> }> {
  const info = await realOfficeInfo();
  const u = info.users[user];
  const getToken = options.getToken ?? (() => realToken(user));
  return {
    baseUrl: info.url,
    getToken,
    backend: httpOfficeBackend({ baseUrl: info.url, getToken }),
    user: { id: u.id, name: u.name, role: u.roles[0]! },
  };
}
