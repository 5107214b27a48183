import pino from 'pino';

/** One structured logger for the whole process; the CLI sets its level from the configuration (LOG_LEVEL). */
export const log = pino({
  level: 'info',
  base: undefined,
  // `err` fields keep their `cause` chain as nested objects: an outage's real reason is usually one level down.
  serializers: { err: pino.stdSerializers.errWithCause },
});
