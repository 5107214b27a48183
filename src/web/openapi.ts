import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Zod schemas a route checks itself (with `parseQuery`) rather than through `schema`: listed in
     * /api/openapi.json from the same declarations, without changing how the route validates.
     */
    docs?: { querystring?: z.ZodType; params?: z.ZodType; body?: z.ZodType };
  }
}

/** Paths the API document describes: the JSON API, the subscription endpoints and the operations endpoints, not the HTML pages. */
const DOCUMENTED = /^\/(api\/|subscriptions(\/|$)|healthz$|metrics$)/;

/**
 * Route schemas are zod schemas, declared once: they validate the request (fastify-type-provider-zod)
 * and become the OpenAPI document served at /api/openapi.json (@fastify/swagger). Register before
 * any route, so every route is seen.
 */
export async function installOpenApi(app: FastifyInstance): Promise<void> {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(swagger, {
    openapi: {
      info: { title: 'indwatch', description: 'Sources, crawls, stories, figures and subscriptions of an indwatch service.', version: '0.1.0' },
      components: { securitySchemes: { operator: { type: 'http', scheme: 'bearer', description: 'The operator token (INDWATCH_OPERATOR_TOKEN or secrets/operator-token)' } } },
    },
    transform: (input) => {
      if (!DOCUMENTED.test(input.url) || input.url === '/api/openapi.json') return { schema: { ...input.schema, hide: true }, url: input.url };
      const docs = input.route.config?.docs;
      const out = jsonSchemaTransform(docs ? { ...input, schema: { ...input.schema, ...docs } } : input);
      // Operator routes say so in the document: the token is what a client must send.
      const access = input.route.config?.access ?? (['GET', 'HEAD'].includes(String(input.route.method)) ? 'public' : 'operator');
      if (access === 'operator') out.schema = { ...out.schema, security: [{ operator: [] }] } as typeof out.schema;
      return out;
    },
  });
  app.get('/api/openapi.json', { config: { access: 'public' } }, async () => app.swagger());
}
