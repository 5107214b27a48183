import { loadSourcesDir, type SourceFileError } from './load.ts';
import type { Source } from './schema.ts';

/** The sources a process knows: the selectors folder, plus any added in code (the demo site). */
export class SourceRegistry {
  readonly #sources = new Map<string, Source>();

  constructor(
    sources: Source[] = [],
    readonly errors: SourceFileError[] = [],
  ) {
    for (const s of sources) this.add(s);
  }

  static async fromDir(dir: string): Promise<SourceRegistry> {
    const { sources, errors } = await loadSourcesDir(dir);
    return new SourceRegistry(sources, errors);
  }

  add(source: Source): void {
    this.#sources.set(source.id, source);
  }

  get(id: string): Source | undefined {
    return this.#sources.get(id);
  }

  all(): Source[] {
    return [...this.#sources.values()];
  }
}
