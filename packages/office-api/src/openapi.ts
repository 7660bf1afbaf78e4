import { openApiJsonSchema, openApiParameters, openApiResponses } from '@egov-vn/exchange-api';
import { OfficeErrorBodySchema, officeErrorCatalog } from './errors.js';
import { officeRoutes, type OfficeRouteDef } from './routes.js';

type JsonSchema = Record<string, unknown>;

/** The OpenAPI 3.1 document of the office API, generated from the route table (`z.toJSONSchema` per schema). */
export function officeOpenApiDocument(options: { serverUrl?: string; version?: string } = {}): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [operationId, route] of Object.entries(officeRoutes) as Array<[string, OfficeRouteDef]>) {
    const responses = openApiResponses(route.success, route.errors, (code) => officeErrorCatalog[code].status, '#/components/schemas/OfficeError');
    const op: Record<string, unknown> = {
      operationId,
      summary: route.summary.en,
      description: route.summary.vi,
      parameters: openApiParameters(route),
      responses,
    };
    if (route.roles !== 'public') {
      op.security = [{ bearer: [] }];
      op['x-egov-roles'] = [...route.roles];
    }
    if (route.body) {
      op.requestBody = { required: true, content: { 'application/json': { schema: openApiJsonSchema(route.body, 'input') } } };
    }
    const p = (paths[route.path] ??= {});
    p[route.method.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'egov-vn office API',
      version: options.version ?? '0.0.0',
      description:
        'Máy chủ văn phòng của cơ quan: văn bản đến, văn bản đi, dự thảo, sổ đăng ký, danh bạ, người dùng, nhật ký. The agency office back end behind the office microfrontends; `x-egov-roles` lists the roles (vanThu, lanhDao, chuyenVien, quanTri) that may call each operation.',
    },
    ...(options.serverUrl ? { servers: [{ url: options.serverUrl }] } : {}),
    paths,
    components: {
      schemas: { OfficeError: openApiJsonSchema(OfficeErrorBodySchema, 'output') },
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'A JWT of the host portal’s identity provider (checked against its JWKS: issuer, audience, expiry).',
        },
      },
    },
  };
}
