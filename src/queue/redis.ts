import type { ConnectionOptions } from 'bullmq';
import { Redis } from 'ioredis';

export class RedisUnavailableError extends Error {
  constructor(url: string, cause: string) {
    super(
      `Redis is not reachable at ${redact(url)} (${cause}). Start one with ` +
        '`redis-server --daemonize yes --port 6379 --bind 127.0.0.1` (or `docker compose up -d redis`), or set REDIS_URL.',
    );
    this.name = 'RedisUnavailableError';
  }
}

/**
 * Connection options for BullMQ, from a redis:// or rediss:// URL. Passing options rather than a
 * client lets every Queue, Worker and QueueEvents own (and close) its connections; workers need
 * `maxRetriesPerRequest: null` to block on the queue.
 */
export function redisOptions(url: string): ConnectionOptions {
  const u = new URL(url);
  return {
    host: u.hostname || '127.0.0.1',
    port: Number(u.port || 6379),
    username: decodeURIComponent(u.username) || undefined,
    password: decodeURIComponent(u.password) || undefined,
    db: Number(u.pathname.slice(1) || 0),
    tls: u.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}

/** Fails fast, in one line, when Redis cannot be reached, instead of letting ioredis retry forever. */
export async function assertRedisReachable(url: string, timeoutMs = 2000): Promise<void> {
  const probe = new Redis(url, { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null });
  // ioredis rejects with a bare "Connection is closed"; the socket error says why.
  let cause: NodeJS.ErrnoException | undefined;
  probe.on('error', (err: NodeJS.ErrnoException) => (cause ??= err));
  try {
    await probe.connect();
    await probe.ping();
  } catch (err) {
    const e = cause ?? (err as NodeJS.ErrnoException);
    throw new RedisUnavailableError(url, e.code ?? e.message);
  } finally {
    probe.disconnect();
  }
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}
