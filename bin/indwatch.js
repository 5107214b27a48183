#!/usr/bin/env node
// The CLI runs the TypeScript sources directly through tsx, so `npx indwatch` works right after `npm ci`.
import { register } from 'tsx/esm/api';

// `indwatch extract … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
