// @egov-vn/office-api — the contract between the office microfrontends and the agency's back end.
export * from './errors.js';
export * from './schemas.js';
export {
  allowedOperations,
  officeRoutePath,
  officeRoutes,
  type OfficeOperationId,
  type OfficeRouteDef,
  type OfficeRoutes,
} from './routes.js';
export { officeOpenApiDocument } from './openapi.js';
export { checkOfficeInput, registerCsv, type OfficeIssue } from './validation.js';

/** The version of the contract (also the OpenAPI `info.version`). */
export const OFFICE_API_VERSION = '0.1.0';
