/**
 * `GET /api/v1/openapi.json`: the hub's API as OpenAPI 3.1, generated from the zod contract (common/contract.ts)
 * with zod 4's own `z.toJSONSchema`, so the document cannot drift from what the routes validate. Served without
 * authentication: it describes shapes only, never a token, a password or a stream source.
 *
 * Why not fastify-type-provider-zod + @fastify/swagger: they fit this fastify/zod pair, but they describe routes
 * from fastify's `schema` option, which our routes do not use (hub/http/route.ts validates with the contract's
 * schemas itself, with our error codes); generating from the contract needs no new dependency and no route change.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  ATTACHMENT_CONTENT_ROUTE,
  ATTACHMENT_UPLOAD_ROUTE,
  hubRoutes,
  IMPORT_ROUTE,
  MAP_EVENTS_ROUTE,
} from '../../common/contract.js';
import { PAPER_ROUTES, PDF_CONTENT_TYPE } from '../../common/contract-paper.js';

export const OPENAPI_PATH = '/api/v1/openapi.json';

type JsonSchema = Record<string, unknown>;
interface Operation {
  operationId: string;
  summary?: string;
  security?: Array<Record<string, string[]>>;
  parameters?: JsonSchema[];
  requestBody?: JsonSchema;
  responses: Record<string, JsonSchema>;
}

const schemaOf = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

/** `/cases/:caseId` → `/cases/{caseId}`. */
const openApiPath = (path: string) => path.replace(/:([A-Za-z_]\w*)/g, '{$1}');

function parametersOf(where: 'path' | 'query', schema: z.ZodType | undefined): JsonSchema[] {
  if (!schema) return [];
  const json = schemaOf(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: property,
  }));
}

const ERROR_ANSWER = {
  description: 'Refused: `{ error: { code, message, field? } }` (docs/api.md lists the codes)',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorAnswer' } } },
};

function operations(): Array<{ method: 'get' | 'post'; path: string; operation: Operation }> {
  const fromContract = Object.entries(hubRoutes).map(([name, spec]) => {
    const s = spec as typeof spec & { params?: z.ZodType; query?: z.ZodType; successStatus?: number };
    const operation: Operation = {
      operationId: name,
      ...(s.auth ? { security: [{ bearer: [] }] } : {}),
      parameters: [
        ...parametersOf('path', s.params),
        ...parametersOf('query', s.query),
        ...('idempotent' in s && s.idempotent
          ? [{ name: 'Idempotency-Key', in: 'header', required: true, schema: { type: 'string' } }]
          : []),
      ],
      ...(s.method === 'POST'
        ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(s.body, 'input') } } } }
        : {}),
      responses: {
        [String(s.successStatus ?? 200)]: {
          description: 'OK',
          content: { 'application/json': { schema: schemaOf(s.response, 'output') } },
        },
        default: ERROR_ANSWER,
      },
    };
    return { method: s.method === 'GET' ? ('get' as const) : ('post' as const), path: s.path, operation };
  });
  return [
    ...fromContract,
    {
      method: 'get',
      path: MAP_EVENTS_ROUTE.path,
      operation: {
        operationId: 'mapEvents',
        summary: 'Events of the caller’s scope as columnar binary (common/map-events-format.ts)',
        security: [{ bearer: [] }],
        parameters: parametersOf('query', MAP_EVENTS_ROUTE.query),
        responses: {
          200: { description: 'OK', content: { [MAP_EVENTS_ROUTE.contentType]: { schema: { type: 'string' } } } },
          default: ERROR_ANSWER,
        },
      },
    },
    {
      method: 'post',
      path: IMPORT_ROUTE.path,
      operation: {
        operationId: 'importEvents',
        summary: 'Bulk import: one event report per line',
        security: [{ bearer: [] }],
        requestBody: { required: true, content: { [IMPORT_ROUTE.contentType]: { schema: { type: 'string' } } } },
        responses: {
          200: {
            description: 'OK',
            content: { 'application/json': { schema: schemaOf(IMPORT_ROUTE.response, 'output') } },
          },
          default: ERROR_ANSWER,
        },
      },
    },
    // The papers (common/contract-paper.ts): PDF bodies, scoped like the case and the KPIs they print.
    ...Object.entries(PAPER_ROUTES).map(([name, spec]) => ({
      method: 'get' as const,
      path: spec.path,
      operation: {
        operationId: `paper${name[0]!.toUpperCase()}${name.slice(1)}`,
        summary: 'A printable PDF (common/contract-paper.ts)',
        security: [{ bearer: [] }],
        parameters: [
          ...parametersOf('path', 'params' in spec ? spec.params : undefined),
          ...parametersOf('query', spec.query),
        ],
        responses: {
          200: { description: 'OK', content: { [PDF_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } } } },
          default: ERROR_ANSWER,
        },
      },
    })),
    {
      method: 'post',
      path: ATTACHMENT_UPLOAD_ROUTE.path,
      operation: {
        operationId: 'caseAttachmentUpload',
        summary: 'Attach a file to a case: the body is its bytes; the content decides its type (issue 15 §2)',
        security: [{ bearer: [] }],
        parameters: [
          ...parametersOf('path', ATTACHMENT_UPLOAD_ROUTE.params),
          ...parametersOf('query', ATTACHMENT_UPLOAD_ROUTE.query),
        ],
        requestBody: {
          required: true,
          content: { [ATTACHMENT_UPLOAD_ROUTE.contentType]: { schema: { type: 'string', format: 'binary' } } },
        },
        responses: {
          201: {
            description: 'Created',
            content: { 'application/json': { schema: schemaOf(ATTACHMENT_UPLOAD_ROUTE.response, 'output') } },
          },
          default: ERROR_ANSWER,
        },
      },
    },
    {
      method: 'get',
      path: ATTACHMENT_CONTENT_ROUTE.path,
      operation: {
        operationId: 'attachmentContent',
        summary: 'An attachment’s stored bytes (metadata stripped) or its JPEG thumbnail',
        security: [{ bearer: [] }],
        parameters: [
          ...parametersOf('path', ATTACHMENT_CONTENT_ROUTE.params),
          ...parametersOf('query', ATTACHMENT_CONTENT_ROUTE.query),
        ],
        responses: {
          200: { description: 'OK', content: { '*/*': { schema: { type: 'string', format: 'binary' } } } },
          default: ERROR_ANSWER,
        },
      },
    },
    {
      method: 'get',
      path: OPENAPI_PATH,
      operation: {
        operationId: 'openapi',
        summary: 'This document',
        responses: { 200: { description: 'OK', content: { 'application/json': { schema: { type: 'object' } } } } },
      },
    },
  ];
}

export function buildOpenApiDocument(): JsonSchema {
  const paths: Record<string, Record<string, Operation>> = {};
  for (const { method, path, operation } of operations()) {
    const params = operation.parameters;
    if (params && params.length === 0) delete operation.parameters;
    (paths[openApiPath(path)] ??= {})[method] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Grid Command county hub API',
      version: 'v1',
      description: 'Generated from common/contract.ts; examples and error codes in docs/api.md.',
    },
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        ErrorAnswer: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: { code: { type: 'string' }, message: { type: 'string' }, field: { type: 'string' } },
            },
          },
        },
      },
    },
  };
}

export function registerOpenApiRoute(app: FastifyInstance): void {
  const document = JSON.stringify(buildOpenApiDocument());
  app.get(OPENAPI_PATH, async (_request, reply) => reply.type('application/json').send(document));
}
