import { cleanSubject } from '../indicator.ts';
import { PLACE_LIST_LEADS } from '../lexicon/frames.ts';
import { placeName } from './place-subject.ts';

const LEAD = new RegExp(`(?:${[...PLACE_LIST_LEADS].sort((a, b) => b.length - a.length).join('|')})$`);
// `工业总量前两位的泉州、福州`: a ranking that the list of places fills in order.
const RANKING = /^(.*?)前[一二两三四五\d](?:位|名)的?$/;

export interface PlaceList {
  /** The full names of the places, in the order listed. */
  regions: string[];
  /** What the places are ranked by, when a ranking heads the list (`工业总量前两位的…`). */
  rankedBy: string | null;
}

/**
 * `除厦门、南平分别增长12.4%、12.3%外`, `前两位的泉州、福州分别增长…`: a list that names only
 * places (short names too, through the gazetteer) before `分别` gives one value to each place;
 * what is measured is the figure before's. A ranking before the list (`前两位的`) ranks the places
 * in order. `raw` is the text before `分别` and the change word. Null unless every item is a place.
 */
export function placeList(raw: string): PlaceList | null {
  const parts = raw.split(/、|和|及|与/);
  if (parts.length < 2) return null;
  const regions: string[] = [];
  let rankedBy: string | null = null;
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k];
    if (k > 0) {
      const r = placeName(p);
      if (!r) return null;
      regions.push(r);
      continue;
    }
    // The first item may follow the words that open the list (`九个设区市中除`, `前两位的`).
    let found: string | null = null;
    for (let j = 0; j + 2 <= p.length && !found; j++) {
      const lead = p.slice(0, j);
      if (j > 0 && !LEAD.test(lead)) continue;
      found = placeName(p.slice(j));
      if (found) {
        const ranking = RANKING.exec(lead);
        if (ranking) rankedBy = cleanSubject(ranking[1]) || null;
      }
    }
    if (!found) return null;
    regions.push(found);
  }
  return { regions, rankedBy };
}
