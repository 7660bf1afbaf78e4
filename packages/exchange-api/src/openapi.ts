import { z } from 'zod';
import { ErrorBodySchema, errorCatalog } from './errors.js';
import { routes, type RouteDef } from './routes.js';
import { SIGNATURE_HEADERS } from './signing.js';

type JsonSchema = Record<string, unknown>;

/** A zod schema as OpenAPI 3.1 (JSON Schema 2020-12) for a request (`input`) or a response (`output`). */
export function openApiJsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  delete json.$schema;
  return json;
}

/** The OpenAPI parameters of a route: path and query fields (from their zod objects) and extra headers. */
export function openApiParameters(route: {
  params?: z.ZodObject | undefined;
  query?: z.ZodObject | undefined;
  headers?: ReadonlyArray<{ name: string; description: string }> | undefined;
}): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const [where, obj] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (!obj) continue;
    const shape = obj.shape as Record<string, z.ZodType>;
    for (const [name, field] of Object.entries(shape)) {
      const schema = openApiJsonSchema(field, 'input');
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

/**
 * The OpenAPI responses of a route: its success (a JSON schema, or binary media types) and one entry per HTTP status
 * of its error codes, each referring to the error body schema `errorRef` (e.g. `#/components/schemas/Error`).
 */
export function openApiResponses<Code extends string>(
  success: { status: number; schema: z.ZodType } | { status: number; mediaType: string; alternatives?: readonly string[] | undefined },
  errors: readonly Code[],
  statusOf: (code: Code) => number,
  errorRef: string,
): Record<string, unknown> {
  const responses: Record<string, unknown> = {};
  responses[String(success.status)] =
    'schema' in success
      ? { description: 'OK', content: { 'application/json': { schema: openApiJsonSchema(success.schema, 'output') } } }
      : {
          description: 'OK',
          content: Object.fromEntries([success.mediaType, ...(success.alternatives ?? [])].map((t) => [t, { schema: { type: 'string', format: 'binary' } }])),
        };
  const byStatus = new Map<number, string[]>();
  for (const code of errors) {
    const st = statusOf(code);
    byStatus.set(st, [...(byStatus.get(st) ?? []), code]);
  }
  for (const [st, codes] of byStatus) {
    responses[String(st)] = { description: codes.join(', '), content: { 'application/json': { schema: { $ref: errorRef } } } };
  }
  return responses;
}

/** The OpenAPI 3.1 document of the exchange API, generated from the route table (`z.toJSONSchema` per schema). */
export function openApiDocument(options: { serverUrl?: string; version?: string } = {}): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [operationId, route] of Object.entries(routes) as Array<[string, RouteDef]>) {
    const responses = openApiResponses(route.success, route.errors, (code) => errorCatalog[code].status, '#/components/schemas/Error');
    const op: Record<string, unknown> = {
      operationId,
      summary: route.summary.en,
      description: route.summary.vi,
      parameters: openApiParameters(route),
      responses,
    };
    if (route.auth) op.security = [{ egovHmac: [] }];
    if (route.body) {
      const content: Record<string, unknown> = { 'application/json': { schema: openApiJsonSchema(route.body, 'input') } };
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
      schemas: { Error: openApiJsonSchema(ErrorBodySchema, 'output') },
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
