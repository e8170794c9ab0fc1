import type { FastifyError, FastifyInstance } from 'fastify';
import { ApiError, errorBody } from './api-error';

/**
 * Every error leaves as `{ error, message }` with a Thai message. Client mistakes (bad JSON, too large,
 * wrong content type) are 4xx and never 500; only a real fault is 500, and it is logged.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    if (error instanceof ApiError) return reply.code(error.status).send(error.body());
    const status = error.statusCode ?? 500;
    if (status === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.code(413).send(errorBody('payload-too-large'));
    if (status === 429) return reply.code(429).send(errorBody('rate-limited'));
    if (status === 415) return reply.code(415).send(errorBody('bad-request', 'ชนิดข้อมูลที่ส่งมาไม่รองรับ'));
    if (status >= 400 && status < 500) return reply.code(status).send(errorBody('bad-request'));
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send(errorBody('internal'));
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send(errorBody('not-found')));
}
