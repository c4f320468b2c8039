import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, type TestApp } from '../../test/helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('the application shell', () => {
  it('reports liveness and readiness', async () => {
    expect((await as(t, null)('GET', '/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await as(t, null)('GET', '/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('publishes an OpenAPI document of the v1 API and a docs UI', async () => {
    const doc = await as(t, null)('GET', '/api/openapi.json');
    expect(doc.statusCode).toBe(200);
    const paths = Object.keys(doc.json().paths);
    expect(paths).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/organizations/{id}/members']),
    );
    expect(doc.json().paths['/api/v1/auth/login'].post.requestBody).toBeDefined();
    const ui = await as(t, null)('GET', '/api/docs/');
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toMatch(/html/);
  });

  it('tags every reply with a request id, keeping a well-formed one the caller sent', async () => {
    const own = await t.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'req-12345678' },
    });
    expect(own.headers['x-request-id']).toBe('req-12345678');
    const generated = await as(t, null)('GET', '/healthz');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers unknown routes with the standard error shape', async () => {
    const res = await as(t, null)('GET', '/nothing-here?x=1');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      error: { code: 'not_found', message: 'No route GET /nothing-here' },
    });
    // Under /api/v1 an anonymous caller learns nothing, not even which routes exist.
    expect((await as(t, null)('GET', '/api/v1/nothing-here')).statusCode).toBe(401);
  });

  it('reports the database as unreachable when it is gone (503)', async () => {
    const other = await createTestApp();
    await other.handle.close();
    const res = await as(other, null)('GET', '/readyz');
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ status: 'unavailable', database: 'unreachable' });
    await other.app.close();
  });
});
