import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { AppError, registerErrorHandler } from './errors';

async function appThrowing(err: Error) {
  const app = Fastify({ logger: false });
  registerErrorHandler(app);
  app.get('/boom', async () => {
    throw err;
  });
  await app.ready();
  return app;
}

describe('the error handler', () => {
  it('never lets a 5xx carry the underlying message to the client', async () => {
    const app = await appThrowing(new Error('connection to postgres://admin:s3cret@db failed'));
    const res = await app.inject({ method: 'GET', url: '/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: { code: 'internal', message: 'Internal server error' } });
    expect(res.body).not.toContain('s3cret');
    await app.close();
  });

  it('keeps the code, message and details of an AppError', async () => {
    const app = await appThrowing(
      new AppError('validation_failed', 'Bad input', [{ path: 'body.x', message: 'required' }]),
    );
    const res = await app.inject({ method: 'GET', url: '/boom' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: {
        code: 'validation_failed',
        message: 'Bad input',
        details: [{ path: 'body.x', message: 'required' }],
      },
    });
    await app.close();
  });
});
