// "Did you mean": the known name closest to a misspelt one, if it is close enough to be a typo.

import { distance } from 'fastest-levenshtein';

/** The closest candidate within 1 edit for short names, 2 up to 8 letters, 3 beyond, else undefined. */
export function nearest(name: string, candidates: Iterable<string>): string | undefined {
  const limit = name.length <= 3 ? 1 : name.length <= 8 ? 2 : 3;
  let best: string | undefined, bestD = Infinity;
  for (const c of candidates) {
    const d = distance(name.toLowerCase(), c.toLowerCase());
    if (d < bestD) { best = c; bestD = d; }
  }
  return bestD <= limit ? best : undefined;
}

/** ` (did you mean --width?)` or nothing. */
export const didYouMean = (name: string, candidates: Iterable<string>, prefix = '') => {
  const n = nearest(name, candidates);
  return n === undefined ? '' : ` (did you mean ${prefix}${n}?)`;
};
