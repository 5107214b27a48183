import pino from 'pino';

/** One structured logger for the whole process; LOG_LEVEL=debug for more. */
export const log = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: undefined,
  // `err` fields keep their `cause` chain as nested objects: an outage's real reason is usually one level down.
  serializers: { err: pino.stdSerializers.errWithCause },
});
