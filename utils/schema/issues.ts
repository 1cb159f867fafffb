import type { $ZodIssue } from 'zod/v4/core';

/** `["orders", 3, "amount"]` → `orders[3].amount`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** The first problem as `path: message`, and how many more there are. */
export function describeIssues(issues: ReadonlyArray<$ZodIssue>): string {
  const first = issues[0];
  if (!first) return 'invalid data';
  const where = formatPath(first.path);
  const head = where ? `${where}: ${first.message}` : first.message;
  return issues.length > 1 ? `${head} (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : head;
}
