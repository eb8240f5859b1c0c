/** Where a value sits in the input, e.g. `['routes', 2, 'mirror', 'percentage']`. */
export type Path = readonly (string | number)[];

/** One broken rule: where, and the rule in words ("must be between 0 and 100"). */
export interface Issue {
  readonly path: Path;
  readonly message: string;
}

/** `routes[2].mirror.percentage`; keys that are not identifiers are quoted: `set["x-a"]`. */
export function formatPath(path: Path): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

/** `routes[2].mirror.percentage must be between 0 and 100`. */
export function formatIssue(issue: Issue, rootLabel = 'value'): string {
  const where = formatPath(issue.path);
  return `${where === '' ? rootLabel : where} ${issue.message}`;
}

/** Describes what a value is without echoing it (values may be secrets). */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}
