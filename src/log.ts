import pino from 'pino';

/** One structured logger for the whole process; LOG_LEVEL=debug for more. */
export const log = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: undefined,
});
