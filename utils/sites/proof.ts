/**
 * A page a selector must match: `real:<name>`, one of the pages saved from the live sites
 * (tests/harness/real-pages.ts), or `fixture:<name>`, one of our fixture pages built to the shape
 * shared/SITES.md gives with its source (tests/harness/routes.ts).
 */
export type ProofPage = `real:${string}` | `fixture:${string}`;

/** The dotted paths of every string in a nested selectors object: `gigEditor.title`. */
export type SelectorPaths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : SelectorPaths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every selector of a site, each with the pages it is proven on: none may be left out. */
export type SelectorProofs<T> = Record<SelectorPaths<T>, readonly [ProofPage, ...ProofPage[]]>;

/** `[path, selector]` for every selector in a nested selectors object. */
export function flattenSelectors(tree: object, prefix = ''): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.push([prefix + key, value]);
    else if (value && typeof value === 'object') out.push(...flattenSelectors(value as object, `${prefix}${key}.`));
  }
  return out;
}
