import { hanweb } from './hanweb.ts';
import type { Preset } from './preset.ts';
import { trs } from './trs.ts';
import { ucap } from './ucap.ts';

export type { Preset } from './preset.ts';

export const PRESETS = { hanweb, trs, ucap } satisfies Record<string, Preset>;
export type PresetName = keyof typeof PRESETS;
export const PRESET_NAMES = Object.keys(PRESETS) as [PresetName, ...PresetName[]];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Fills the list and article selectors a source file leaves out from its `preset:`. Runs before
 * validation, so a file that names a preset needs only its list URLs and region.
 */
export function applyPreset(raw: unknown): unknown {
  if (!isObject(raw) || typeof raw.preset !== 'string' || !(raw.preset in PRESETS)) return raw;
  const preset = PRESETS[raw.preset as PresetName];
  const list = raw.list === undefined ? {} : raw.list;
  const article = raw.article === undefined ? {} : raw.article;
  return {
    ...raw,
    list: isObject(list) ? { ...preset.list, ...list } : list,
    article: isObject(article) ? { ...preset.article, ...article } : article,
  };
}
