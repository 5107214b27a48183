import { Command, CommanderError } from 'commander';
import { registerCrawl } from './crawl.ts';
import { registerDemo } from './demo.ts';
import { registerClassify } from './classify.ts';
import { registerDedup } from './dedup.ts';
import { registerDigest } from './digest.ts';
import { registerEval } from './eval.ts';
import { registerExtract } from './extract.ts';
import { registerParse } from './parse.ts';
import { UserError } from './errors.ts';
import { registerSources } from './sources.ts';
import { registerStart } from './start.ts';
import { registerSubscribers } from './subscribers.ts';
import { registerSubscribe } from './subscribe.ts';

export function buildProgram(): Command {
  const program = new Command('indwatch')
    .description('Watches regional government and news sites for industrialization reports, extracts key figures, mails digests.')
    .version('0.1.0')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();
  registerDemo(program);
  registerStart(program);
  registerSources(program);
  registerCrawl(program);
  registerDigest(program);
  registerSubscribe(program);
  registerSubscribers(program);
  registerParse(program);
  registerExtract(program);
  registerClassify(program);
  registerEval(program);
  registerDedup(program);
  program.addHelpText(
    'after',
    `
Environment:
  REDIS_URL      Redis for the queues (default redis://127.0.0.1:6379)
  DATABASE_URL   PostgreSQL server (default: embedded database in ./data/db)
  SMTP_URL       SMTP server for digests (default: .eml files in ./data/outbox)
  LOG_LEVEL      pino log level (default info)`,
  );
  return program;
}

/** Runs the CLI and returns its exit code: 0 ok, 1 failure, 2 usage error. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  for (const cmd of allCommands(program)) cmd.exitOverride();
  try {
    await program.parseAsync(argv);
    return Number(process.exitCode ?? 0);
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof UserError) {
      process.stderr.write(`indwatch: ${err.message}\n`);
      return err.exitCode;
    }
    process.stderr.write(`indwatch: ${(err as Error).message}\n`);
    if (process.env.LOG_LEVEL === 'debug') process.stderr.write(`${(err as Error).stack}\n`);
    return 1;
  }
}

function allCommands(cmd: Command): Command[] {
  return [cmd, ...cmd.commands.flatMap(allCommands)];
}
