import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { langOf, sendPage } from './layout.ts';
import { pagePath } from './public-nav.ts';
import { problemPage } from './subscribe.ts';

/**
 * A page route's `errorHandler`: a person who mistyped an address or a filter gets the reason as
 * a page in the layout, not JSON. As in errors.ts, only client errors say what went wrong; a
 * failure is logged with its cause and answered with the request id.
 */
export function pageErrorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
  if (status === 500) req.log.error({ err, method: req.method, url: req.url }, 'request failed');
  const message = status === 500 ? `internal error (request ${req.id})` : err.message;
  return sendPage(reply, problemPage({ lang: langOf(req), path: pagePath(req.url), message }), status);
}
