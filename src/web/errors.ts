import type { FastifyError, FastifyInstance } from 'fastify';

/** A refusal whose message is meant for the client: the status and text are sent as they are. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    options?: ErrorOptions & { details?: Record<string, unknown> },
  ) {
    super(message, options);
    this.name = 'HttpError';
    this.details = options?.details;
  }

  /** More for the client, sent next to `error` (the fields a selectors file got wrong). */
  readonly details?: Record<string, unknown>;
}

/**
 * Client errors (ours, and fastify's and its plugins' own: bad JSON, rate limit, CSRF) are told
 * what was wrong; anything else is logged with its cause and answered with a generic message
 * and the request id to find it in the log, so no database or stack text reaches a client.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) return reply.code(status).send({ error: err.message, ...(err instanceof HttpError ? err.details : {}) });
    req.log.error({ err, method: req.method, url: req.url }, 'request failed');
    return reply.code(500).send({ error: 'internal error', requestId: req.id });
  });
  app.setNotFoundHandler((req, reply) => reply.code(404).send({ error: `no route ${req.method} ${req.url.split('?')[0]}` }));
}
