import type { Config } from '../config.ts';
import { siteIo } from '../cli/draft-io.ts';
import { testSource, type SourceTestResult } from '../cli/sources-test.ts';
import { AddressPolicy } from '../net/address-policy.ts';
import { draftSource, type DraftSource } from './draft.ts';
import { PolitenessSchema, type Source } from './schema.ts';

/** How much of a site a check reads: the first list page and a few articles, as `sources new --test`. */
const CHECK = { articles: 3, pages: 1 };

/** A draft with what it would store. */
export interface CheckedDraft {
  draft: DraftSource;
  test: SourceTestResult;
}

/** The work of `sources new URL --region R --test`: drafts a selectors file and tests it live, storing nothing. */
export async function draftAndTest(config: Pick<Config, 'userAgent' | 'allowAddresses'>, url: string, region: string): Promise<CheckedDraft> {
  const io = siteIo(config.userAgent, PolitenessSchema.parse({}), new AddressPolicy(config.allowAddresses));
  const draft = await draftSource(url, { region }, io);
  const test = await testDraft(config, draft.source);
  return { draft, test };
}

/** The work of `sources test`: fetches the source's first list page and a few articles live, storing nothing. */
export function testDraft(config: Pick<Config, 'userAgent' | 'allowAddresses'>, source: Source): Promise<SourceTestResult> {
  return testSource(source, { userAgent: config.userAgent, allowAddresses: config.allowAddresses, ...CHECK });
}
