// Entry of an article pool thread when indwatch runs from its TypeScript sources (tests, bench):
// a worker thread starts without the loader of the thread that made it, so it registers tsx
// itself. The compiled CLI's threads load dist/src/workers/article-tasks.js directly.
import { register } from 'tsx/esm/api';

register();
const tasks = await import('./article-tasks.ts');

export default tasks.default;
