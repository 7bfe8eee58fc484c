// Counted nouns in user-visible text ("1 record", "0 entries", "3 closed shards stay"): the one
// rule every message uses instead of hand-written "(s)" or `x === 1 ? '' : 's'`. SDK-free, so the
// glue and the webview (through tail/shared/display) use it too.

/** The plural of a noun phrase: its last word gets -ies after a consonant + y, -es after s/x/ch/sh, else -s. */
export function pluralForm(singular: string): string {
  if (/[^aeiou]y$/i.test(singular)) return `${singular.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/i.test(singular)) return `${singular}es`;
  return `${singular}s`;
}

/** The word alone for a count: noun(1, 'line') is "line", noun(3, 'line') "lines". */
export function noun(count: number, singular: string, plural = pluralForm(singular)): string {
  return count === 1 ? singular : plural;
}

/** The count and the noun: plural(0, 'entry') is "0 entries"; counts use en-US digit grouping. */
export function plural(count: number, singular: string, pluralText = pluralForm(singular)): string {
  return `${count.toLocaleString('en-US')} ${noun(count, singular, pluralText)}`;
}
