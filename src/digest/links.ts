import type { Config } from '../config.ts';
import { loadSecret } from '../secrets.ts';
import { signToken, type TokenSubject } from './tokens.ts';

/** Where the subscription endpoints live under the public URL (src/web/routes/subscriptions.ts). */
export const SUBSCRIPTION_PATHS = {
  subscribe: '/subscriptions',
  confirm: '/subscriptions/confirm',
  preferences: '/subscriptions/preferences',
  unsubscribe: '/subscriptions/unsubscribe',
} as const;

export interface SubscriberLinks {
  manage: string;
  unsubscribe: string;
}

const secrets = new Map<string, Promise<string>>();

/** The secret signing subscription links: from configuration, else kept in the data folder. */
export function digestSecret(config: Pick<Config, 'dataDir' | 'digest'>): Promise<string> {
  const key = `${config.dataDir}\u0000${config.digest.secret ?? ''}`;
  let s = secrets.get(key);
  if (!s) {
    s = loadSecret(config.dataDir, 'digest-secret', config.digest.secret).then((x) => x.value);
    secrets.set(key, s);
  }
  return s;
}

function link(publicUrl: string, path: string, token: string): string {
  return `${publicUrl}${path}?token=${encodeURIComponent(token)}`;
}

export function confirmLink(publicUrl: string, secret: string, subject: TokenSubject, now = new Date()): string {
  return link(publicUrl, SUBSCRIPTION_PATHS.confirm, signToken(secret, 'confirm', subject, now));
}

/** The preferences and one-click unsubscribe links every digest carries. */
export function subscriberLinks(publicUrl: string, secret: string, subject: TokenSubject, now = new Date()): SubscriberLinks {
  return {
    manage: link(publicUrl, SUBSCRIPTION_PATHS.preferences, signToken(secret, 'manage', subject, now)),
    unsubscribe: link(publicUrl, SUBSCRIPTION_PATHS.unsubscribe, signToken(secret, 'unsubscribe', subject, now)),
  };
}
