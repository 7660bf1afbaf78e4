export * from './errors.js';
export * from './schemas.js';
export { routes, routePath, type OperationId, type RouteDef, type Routes } from './routes.js';
export { openApiDocument, openApiJsonSchema, openApiParameters, openApiResponses } from './openapi.js';
export {
  IDEMPOTENCY_HEADER,
  SIGNATURE_ALGORITHM,
  SIGNATURE_HEADERS,
  canonicalRequest,
  hmacSha256Hex,
  randomNonce,
  sha256Hex,
  signatureOf,
  signRequest,
  timingSafeEqualHex,
  type SignInput,
} from './signing.js';

/** The version of the contract (also the OpenAPI `info.version`). */
export const EXCHANGE_API_VERSION = '0.1.0';
export * from './axis.js';
