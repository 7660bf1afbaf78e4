// The host context every office feature reads, delivered with @lit/context.
import type { Lang } from '@egov-vn/elements-core';
import type { Role } from '@egov-vn/office-api';
import type { TimestampOptions, TrustInput } from '@egov-vn/pdf-signature';
import type { SignerProvider } from '@egov-vn/signature-elements';
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
  locale?: Lang;
  /** `light`, `dark`, or unset (the system's); `<egov-office-context>` sets it as its `data-theme`. */
  theme?: 'light' | 'dark';
  /** Feature flags, e.g. `{ return: false }` hides returning documents. */
  features?: Record<string, boolean>;
  /** "Today" in Việt Nam (yyyy-mm-dd) for deadline badges; default the real day. Tests and demos fix it. */
  today?: string;
  /** The agency as documents name it (issuer of what `<egov-compose>` drafts); default: the user's agency code only. */
  agency?: OfficeAgency;
  /**
   * How the user signs (`<egov-compose>`: the leader's signature, the clerk's agency seal, electronic copies): the
   * providers offered in `<egov-sign-dialog>`, or a function of the use that answers them. Keys stay on the user's
   * token, signing service or device; nothing secret is in the context.
   */
  signers?: readonly SignerProvider[] | ((use: SigningUse) => readonly SignerProvider[] | Promise<readonly SignerProvider[]>);
  /** Certificates the signed results are verified against (the national root CA, the agency's CA). */
  trustAnchors?: readonly TrustInput[];
  /** An RFC 3161 timestamp authority: signatures become PAdES B-T. */
  timestamp?: TimestampOptions;
  /** The images of a visible signature: the leader's (blue, transparent PNG) and the agency's seal (red). */
  signatureImage?: (user: OfficeUser) => Promise<Uint8Array | undefined>;
  sealImage?: () => Promise<Uint8Array | undefined>;
}

/** What a signature is for: the leader signs (`author`), the clerk seals (`seal`) or makes an electronic copy (`copy`). */
export type SigningUse = 'author' | 'seal' | 'copy';

/** The agency as its documents name it (Nghị định 30: tên cơ quan, chữ viết tắt, địa danh). */
export interface OfficeAgency {
  /** Mã định danh (e.g. 000.00.01.H53). */
  code: string;
  name: string;
  /** The abbreviation in ký hiệu ("SNV"). */
  abbreviation?: string;
  /** The place name of the date line ("Hà Giang"). */
  place?: string;
  /** The governing body printed above the name ("ỦY BAN NHÂN DÂN TỈNH HÀ GIANG"). */
  parentName?: string;
  /** The drafting unit (công văn symbols, "Lưu:" line); default VP. */
  draftingUnit?: string;
}

/** The @lit/context key of the office host context. */
export const officeContext = createContext<OfficeHost | undefined>(Symbol.for('egov-vn.office-context'));
