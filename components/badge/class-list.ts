/** An element's classes from names that may be off (`false`, `null`, ''): "badge compact bottom-right". */
export function classList(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}
