import type { Config } from '../config.ts';
import { loadSecret, type Secret } from '../secrets.ts';

/** The file name under `<dataDir>/secrets/` that keeps a generated operator token. */
export const OPERATOR_TOKEN_SECRET = 'operator-token';

/** The operator's bearer token: configured (INDWATCH_OPERATOR_TOKEN), else generated once into the data folder. */
export function loadOperatorToken(config: Pick<Config, 'dataDir' | 'operatorToken'>): Promise<Secret> {
  return loadSecret(config.dataDir, OPERATOR_TOKEN_SECRET, config.operatorToken);
}
