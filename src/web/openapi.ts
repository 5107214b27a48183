import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';

/**
 * Route schemas are zod schemas, declared once: they validate the request (fastify-type-provider-zod)
 * and become the OpenAPI document served at /api/openapi.json (@fastify/swagger). Register before
 * any route, so every route is seen; pages hide themselves with `schema: { hide: true }`.
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
      const out = jsonSchemaTransform(input);
      // Operator routes say so in the document: the token is what a client must send.
      const access = input.route.config?.access ?? (['GET', 'HEAD'].includes(String(input.route.method)) ? 'public' : 'operator');
      if (access === 'operator') out.schema = { ...out.schema, security: [{ operator: [] }] } as typeof out.schema;
      return out;
    },
  });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
}
