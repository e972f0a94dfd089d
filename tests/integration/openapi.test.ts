/**
 * `GET /api/v1/openapi.json` on a real hub: served without a token, and it lists exactly the /api/v1 routes fastify
 * really registered (method and path), so neither a route without a description nor a described route that does not
 * exist can slip in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, DEMO_PASSWORD, startTestHub, type TestHub } from '../support/test-hub.js';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ supervisionIntervalMs: 0 });
});
afterAll(async () => hub.dispose());

describe('the OpenAPI document', () => {
  it('is served without authentication and describes every registered /api/v1 route, and only those', async () => {
    const res = await api(hub, 'GET', '/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const documented = Object.entries(res.body.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    const registered = hub.routes
      .filter((r) => r.url.startsWith('/api/v1/') && r.method !== 'HEAD')
      .map((r) => `${r.method} ${r.url.replace(/:([A-Za-z_]\w*)/g, '{$1}')}`)
      .sort();
    expect(registered.length).toBeGreaterThan(20);
    expect(documented).toEqual(registered);
  });

  it('carries the contract’s shapes: bodies, path and query parameters, auth', async () => {
    const { body: doc } = await api(hub, 'GET', '/api/v1/openapi.json');
    const login = doc.paths['/api/v1/auth/login'].post;
    expect(login.security).toBeUndefined();
    expect(Object.keys(login.requestBody.content['application/json'].schema.properties)).toEqual(
      expect.arrayContaining(['username', 'password']),
    );
    const detail = doc.paths['/api/v1/cases/{caseId}'].get;
    expect(detail.security).toEqual([{ bearer: [] }]);
    expect(detail.parameters).toContainEqual(expect.objectContaining({ name: 'caseId', in: 'path', required: true }));
    const kpis = doc.paths['/api/v1/stats/kpis'].get;
    expect(kpis.parameters.map((p: { name: string }) => p.name)).toEqual(['from', 'to', 'orgUnit']);
    const report = doc.paths['/api/v1/events'].post;
    expect(report.responses['201']).toBeDefined();
    expect(report.parameters).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key', in: 'header' }));
    expect(JSON.stringify(doc)).not.toContain(DEMO_PASSWORD);
  });
});
