// Entry of the embedded database's thread when indwatch runs from its TypeScript sources (tests,
// bench): a worker thread starts without the loader of the thread that made it, so it registers
// tsx itself. The compiled CLI's thread loads dist/src/db/pglite-host.js directly.
import { register } from 'tsx/esm/api';

register();
await import('./pglite-host.ts');
