import { z } from 'zod';
import { OfficeErrorBodySchema, officeErrorCatalog } from './errors.js';
import { officeRoutes, type OfficeRouteDef } from './routes.js';

type JsonSchema = Record<string, unknown>;

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  delete json.$schema;
  return json;
}

function parameters(route: OfficeRouteDef): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const [where, obj] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (!obj) continue;
    const shape = obj.shape as Record<string, z.ZodType>;
    for (const [name, field] of Object.entries(shape)) {
      const schema = schemaOf(field, 'input');
      const param: JsonSchema = { name, in: where, required: where === 'path' || !field.safeParse(undefined).success, schema };
      if (typeof schema.description === 'string') param.description = schema.description;
      out.push(param);
    }
  }
  return out;
}

/** The OpenAPI 3.1 document of the office API, generated from the route table (`z.toJSONSchema` per schema). */
export function officeOpenApiDocument(options: { serverUrl?: string; version?: string } = {}): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [operationId, route] of Object.entries(officeRoutes) as Array<[string, OfficeRouteDef]>) {
    const responses: Record<string, unknown> = {};
    const success = route.success;
    responses[String(success.status)] =
      'schema' in success
        ? { description: 'OK', content: { 'application/json': { schema: schemaOf(success.schema, 'output') } } }
        : {
            description: 'OK',
            content: Object.fromEntries([success.mediaType, ...(success.alternatives ?? [])].map((t) => [t, { schema: { type: 'string', format: 'binary' } }])),
          };
    const byStatus = new Map<number, string[]>();
    for (const code of route.errors) {
      const st = officeErrorCatalog[code].status;
      byStatus.set(st, [...(byStatus.get(st) ?? []), code]);
    }
    for (const [st, codes] of byStatus) {
      responses[String(st)] = {
        description: codes.join(', '),
        content: { 'application/json': { schema: { $ref: '#/components/schemas/OfficeError' } } },
      };
    }
    const op: Record<string, unknown> = {
      operationId,
      summary: route.summary.en,
      description: route.summary.vi,
      parameters: parameters(route),
      responses,
    };
    if (route.roles !== 'public') {
      op.security = [{ bearer: [] }];
      op['x-egov-roles'] = [...route.roles];
    }
    if (route.body) {
      op.requestBody = { required: true, content: { 'application/json': { schema: schemaOf(route.body, 'input') } } };
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
      schemas: { OfficeError: schemaOf(OfficeErrorBodySchema, 'output') },
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
