// Entry of an article pool thread. Plain JavaScript because a worker thread starts without the
// TypeScript loader the main thread registered: it registers tsx itself, as bin/indwatch.js does.
import { register } from 'tsx/esm/api';

register();
const { runArticleTask } = await import('./article-tasks.ts');

/** Runs `task`, first telling the waiting main thread (through `started`) that its clock may start. */
export default function run({ task, started }) {
  Atomics.store(started, 0, 1);
  Atomics.notify(started, 0);
  return runArticleTask(task);
}
