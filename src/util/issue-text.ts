// A schema validation issue in a user's words: the value given and what is allowed, instead of the
// validation library's own phrasing ("Too big: expected number to be <=4").

import type { z } from 'zod';

const show = (v: unknown) => (typeof v === 'string' ? `'${v}'` : JSON.stringify(v));

/** "9 is above the maximum 4"; `given` is the value the user wrote, when known. */
export function issueText(issue: z.core.$ZodIssue, given?: unknown): string {
  const got = given === undefined ? 'the value' : show(given);
  switch (issue.code) {
    case 'too_big':
      return `${got} is above the ${issue.inclusive === false ? 'bound' : 'maximum'} ${String(issue.maximum)}`;
    case 'too_small':
      return `${got} is below the ${issue.inclusive === false ? 'bound' : 'minimum'} ${String(issue.minimum)}`;
    case 'invalid_value':
      return `${got} is not one of ${issue.values.map(String).join(', ')}`;
    case 'invalid_type':
      return `expected ${issue.expected === 'int' ? 'an integer' : `a ${issue.expected}`}, got ${given === undefined ? 'none' : show(given)}`;
    case 'not_multiple_of':
      return `${got} is not a multiple of ${String(issue.divisor)}`;
    case 'unrecognized_keys':
      return `unknown ${issue.keys.length === 1 ? 'key' : 'keys'} ${issue.keys.map(show).join(', ')}`;
    default:
      return given === undefined || issue.message.includes(String(given)) ? issue.message : `${issue.message} (got ${show(given)})`;
  }
}
