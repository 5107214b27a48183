import { Command } from 'commander';
import { vi } from 'vitest';
import { registerSourcesNew } from '../../src/cli/sources-new.ts';

/** Runs `indwatch sources new ARGS` in this process; returns what it printed, the file written and the exit code it set. */
export async function sourcesNew(args: string[]): Promise<{ printed: string; file: string | null; exitCode: number }> {
  const program = new Command('sources').exitOverride();
  registerSourcesNew(program);
  let printed = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    printed += String(chunk);
    return true;
  });
  const before = process.exitCode;
  process.exitCode = undefined;
  // `sources new` reads its configuration from the environment; fixture sites are on loopback.
  vi.stubEnv('INDWATCH_ALLOW_ADDRESSES', '127.0.0.1');
  try {
    await program.parseAsync(['new', ...args], { from: 'user' });
  } finally {
    out.mockRestore();
    vi.unstubAllEnvs();
  }
  const exitCode = Number(process.exitCode ?? 0);
  process.exitCode = before;
  return { printed, file: /^wrote (\S+?):/m.exec(printed)?.[1] ?? null, exitCode };
}
