import { Command, CommanderError } from 'commander';
import { registerCrawl } from './crawl.ts';
import { registerDemo } from './demo.ts';
import { registerClassify } from './classify.ts';
import { registerDedup } from './dedup.ts';
import { registerDigest } from './digest.ts';
import { registerEval } from './eval.ts';
import { registerExtract } from './extract.ts';
import { registerParse } from './parse.ts';
import { loadConfig } from '../config.ts';
import { UserError } from './errors.ts';
import { registerSources } from './sources.ts';
import { registerStart } from './start.ts';
import { registerSubscribers } from './subscribers.ts';

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
  registerSubscribers(program);
  registerParse(program);
  registerExtract(program);
  registerClassify(program);
  registerEval(program);
  registerDedup(program);
  // Configuration is read once, when a command runs: `--help` needs none of it.
  program.hook('preAction', async () => {
    const config = loadConfig();
    const { log } = await import('../log.ts');
    log.level = config.logLevel;
    showStacks = config.logLevel === 'debug' || config.logLevel === 'trace';
  });
  program.addHelpText(
    'after',
    `
Environment:
  REDIS_URL              Redis for the queues (default redis://127.0.0.1:6379)
  DATABASE_URL           PostgreSQL server (default: embedded database in ./data/db)
  INDWATCH_QUEUE_PREFIX  Redis key prefix of the queues (default: indwatch-<id of the database>)
  SMTP_URL               SMTP server for digests (default: .eml files in ./data/outbox)
  LOG_LEVEL              pino log level (default info)

On the embedded database, commands that read or write data while \`indwatch start\` runs go
through the running service; without it they open ./data/db themselves.`,
  );
  return program;
}

let showStacks = false;

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
    if (showStacks) process.stderr.write(`${(err as Error).stack}\n`);
    return 1;
  }
}

function allCommands(cmd: Command): Command[] {
  return [cmd, ...cmd.commands.flatMap(allCommands)];
}
