import { RANK_MOVE_VERBS } from '../lexicon/cues.ts';

const MOVES = [...RANK_MOVE_VERBS].sort((a, b) => b.length - a.length).join('|');
// `排名从年初的第23位…`: the earlier position, after 从/由 and the time it held.
const FROM = /(?:从|由)([^,;:第从由]{0,8}?)的?$/;
// `…提升到第1位`: the later position, after the verb of the move.
const TO = new RegExp(`(?:^|第[\\d一二三四五六七八九十]{1,3}位?)(?:${MOVES})(?:到|至)$`);

export interface RankStep {
  step: 'from' | 'to';
  /** For `from`, the time the earlier position was held (`年初`, `一季度`), `''` when unnamed. */
  when: string;
  /** Where the move starts in `before`: what stands before it is the rank's own subject and set. */
  at: number;
}

/**
 * `增速全国排名从年初的第23位提升到第1位`: a move in a ranking gives two ranks, the earlier of the
 * time named after 从 and the later of the clause's own time. `before` is the text between the
 * figure before (or the clause start) and the rank. Null when the rank is no step of a move.
 */
export function rankChange(before: string): RankStep | null {
  const from = FROM.exec(before);
  if (from) return { step: 'from', when: from[1], at: from.index };
  const to = TO.exec(before);
  if (to) return { step: 'to', when: '', at: before.search(/从|由/) < 0 ? 0 : before.search(/从|由/) };
  return null;
}
