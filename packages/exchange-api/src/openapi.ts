import { z } from 'zod';
import { ErrorBodySchema, errorCatalog } from './errors.js';
import { routes, type RouteDef } from './routes.js';
import { SIGNATURE_HEADERS } from './signing.js';

type JsonSchema = Record<string, unknown>;

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  delete json.$schema;
  return json;
}

function parameters(route: RouteDef): JsonSchema[] {
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
  for (const h of route.headers ?? []) {
    out.push({ name: h.name, in: 'header', required: false, description: h.description, schema: { type: 'string' } });
  }
  return out;
}

/** The OpenAPI 3.1 document of the exchange API, generated from the route table (`z.toJSONSchema` per schema). */
export function openApiDocument(options: { serverUrl?: string; version?: string } = {}): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [operationId, route] of Object.entries(routes) as Array<[string, RouteDef]>) {
    const responses: Record<string, unknown> = {};
    const success = route.success;
    responses[String(success.status)] =
      'schema' in success
        ? { description: 'OK', content: { 'application/json': { schema: schemaOf(success.schema, 'output') } } }
        : { description: 'OK', content: { [success.mediaType]: { schema: { type: 'string', format: 'binary' } } } };
    const byStatus = new Map<number, string[]>();
    for (const code of route.errors) {
      const st = errorCatalog[code].status;
      byStatus.set(st, [...(byStatus.get(st) ?? []), code]);
    }
    for (const [st, codes] of byStatus) {
      responses[String(st)] = {
        description: codes.join(', '),
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      };
    }
    const op: Record<string, unknown> = {
      operationId,
      summary: route.summary.en,
      description: route.summary.vi,
      parameters: parameters(route),
      responses,
    };
    if (route.auth) op.security = [{ egovHmac: [] }];
    if (route.body) {
      const content: Record<string, unknown> = { 'application/json': { schema: schemaOf(route.body, 'input') } };
      for (const raw of route.rawBodies ?? []) content[raw.mediaType] = { schema: { type: 'string', description: raw.description } };
      op.requestBody = { required: true, content };
    }
    const p = (paths[route.path] ??= {});
    p[route.method.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'egov-vn exchange API',
      version: options.version ?? '0.0.0',
      description:
        'Trao đổi văn bản điện tử giữa các cơ quan (edXML, QCVN 102:2016). Document exchange between agencies, modelled on the national exchange axis.',
    },
    ...(options.serverUrl ? { servers: [{ url: options.serverUrl }] } : {}),
    paths,
    components: {
      schemas: { Error: schemaOf(ErrorBodySchema, 'output') },
      securitySchemes: {
        egovHmac: {
          type: 'apiKey',
          in: 'header',
          name: SIGNATURE_HEADERS.signature,
          description: `HMAC-SHA256 (hex) over the canonical request, with headers ${Object.values(SIGNATURE_HEADERS).join(', ')}.`,
        },
      },
    },
  };
}
