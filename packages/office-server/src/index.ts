// @egov-vn/office-server — the agency's office back end (Hono): users and roles from the host's identity provider,
// registers, assignments, drafts, audit log; sends and receives through the exchange with the system secret, which
// never leaves it.
export { createOfficeServer, type CreateOfficeServerExtras, type OfficeServer } from './app.js';
export {
  type Authenticate,
  bearerToken,
  type ClaimMapping,
  DEFAULT_CLAIMS,
  jwtAuthenticator,
  type JwtAuthOptions,
  roleOf,
  type SessionUser,
  userFromClaims,
} from './auth.js';
export { type ExchangeConnection, type KnownUser, loadOfficeConfig, type OfficeConfigFile, type OfficeServerOptions, type ServedAgency } from './config.js';
export { officeMigrations, type OfficeDatabase } from './db.js';
export { OfficeError } from './errors.js';
export { SignatureChecker, type SignatureCheckOptions, type SignatureStep, trustAnchorsFromUrl } from './signatures.js';
export { version as officeServerVersion } from './version.js';
