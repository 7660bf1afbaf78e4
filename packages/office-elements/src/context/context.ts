// The host context every office feature reads, delivered with @lit/context.
import type { Role } from '@egov-vn/office-api';
import { createContext } from '@lit/context';
import type { OfficeBackend } from '../backend/types.js';

/** The user the host signed in: the actions a feature shows follow the role. */
export interface OfficeUser {
  /** The user id (the token's subject); the lead handler of an assignment is matched against it. */
  id: string;
  name: string;
  /** văn thư (vanThu), lãnh đạo (lanhDao), chuyên viên (chuyenVien), quản trị (quanTri). */
  role: Role;
}

/** What a host gives the office features: set once on `<egov-office-context>` or as the `office` property of a feature. */
export interface OfficeHost {
  /** The data access: `httpOfficeBackend({ baseUrl, getToken })` or `memoryOfficeBackend(seed)`. */
  backend: OfficeBackend;
  user?: OfficeUser;
  /** `vi` (default) or `en`; `<egov-office-context>` sets it as its `lang`. */
  locale?: 'vi' | 'en';
  /** `light`, `dark`, or unset (the system's); `<egov-office-context>` sets it as its `data-theme`. */
  theme?: 'light' | 'dark';
  /** Feature flags, e.g. `{ return: false }` hides returning documents. */
  features?: Record<string, boolean>;
  /** "Today" in Việt Nam (yyyy-mm-dd) for deadline badges; default the real day. Tests and demos fix it. */
  today?: string;
}

/** The @lit/context key of the office host context. */
export const officeContext = createContext<OfficeHost | undefined>(Symbol.for('egov-vn.office-context'));
