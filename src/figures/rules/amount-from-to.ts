import { AMOUNT_TO_VERBS, CHANGE_FROM_WORDS } from '../lexicon/cues.ts';

const byLength = (xs: string[]) => [...xs].sort((a, b) => b.length - a.length);
// `规上工业企业从39家…`: the subject, then 从/由 right before the earlier amount.
const FROM = new RegExp(`^(.*?)(?:${byLength(CHANGE_FROM_WORDS).join('|')})$`);
// `…增加至117家`, `…增加到2019年172.94亿元`: the verb of the change, a year perhaps, then the later amount.
const TO = new RegExp(`^(?:${byLength(AMOUNT_TO_VERBS).join('|')})(?:至|到)(?:(\\d{4})年(?:的|底|末)?)?$`);

export type AmountStep = { step: 'from'; subject: string } | { step: 'to'; year: string | null };

/**
 * `规上工业企业从39家增加至117家`, `总产值由113.6亿元增加到2019年172.9亿元`: two amounts of one
 * indicator, the earlier and the later. `before` is the text between the figure before (or the
 * clause start) and the amount: for the earlier it holds the subject and 从/由, for the later
 * only the verb and perhaps the year reached. Null when the amount is no step of such a change.
 */
export function amountFromTo(before: string): AmountStep | null {
  const to = TO.exec(before);
  if (to) return { step: 'to', year: to[1] ?? null };
  const from = FROM.exec(before);
  return from && from[1] ? { step: 'from', subject: from[1] } : null;
}
