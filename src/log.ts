import pino from 'pino';

/** One structured logger for the whole process; the CLI sets its level from the configuration (LOG_LEVEL). */
export const log = pino({
  level: 'info',
  base: undefined,
});
