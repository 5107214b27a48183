import { Command, CommanderError } from 'commander';
import { loadConfig } from '../config.ts';
import { UserError } from './errors.ts';

type Register = (program: Command) => void;

/** `sources test` and `sources new` fetch pages and read figures: loaded only when they may run or be listed. */
async function sourcesCommand(subcommand: string | undefined): Promise<Register> {
  const { registerSources } = await import('./sources.ts');
  if (subcommand === 'list' || subcommand === 'validate') return (program) => registerSources(program);
  const [{ registerSourcesTest }, { registerSourcesNew }] = await Promise.all([import('./sources-test.ts'), import('./sources-new.ts')]);
  return (program) => registerSources(program, [registerSourcesTest, registerSourcesNew]);
}

/**
 * Every top-level command and where it is defined, in the order `--help` lists them. A run of one
 * command loads only that command's module: start-up time is paid per command, not for all.
 */
const COMMANDS: [string, (subcommand?: string) => Promise<Register>][] = [
  ['demo', async () => (await import('./demo.ts')).registerDemo],
  ['start', async () => (await import('./start.ts')).registerStart],
  ['sources', sourcesCommand],
  ['crawl', async () => (await import('./crawl.ts')).registerCrawl],
  ['digest', async () => (await import('./digest.ts')).registerDigest],
  ['subscribe', async () => (await import('./subscribe.ts')).registerSubscribe],
  ['subscribers', async () => (await import('./subscribers.ts')).registerSubscribers],
  ['parse', async () => (await import('./parse.ts')).registerParse],
  ['extract', async () => (await import('./extract.ts')).registerExtract],
  ['classify', async () => (await import('./classify.ts')).registerClassify],
  ['eval', async () => (await import('./eval.ts')).registerEval],
  ['dedup', async () => (await import('./dedup.ts')).registerDedup],
];

/** The program with the command `argv` names, or with all of them (for help and unknown commands). */
export async function buildProgram(argv: string[] = []): Promise<Command> {
  const [named, subcommand] = argv.slice(2).filter((a) => !a.startsWith('-'));
  const wanted = COMMANDS.filter(([name]) => name === named);
  const registers = await Promise.all(wanted.length ? wanted.map(([, load]) => load(subcommand)) : COMMANDS.map(([, load]) => load()));
  const program = new Command('indwatch')
    .description('Watches regional government and news sites for industrialization reports, extracts key figures, mails digests.')
    .version('0.1.0')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();
  for (const register of registers) register(program);
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
  const program = await buildProgram(argv);
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
