/** A registry value as a plan shows it: text quoted, flags as yes/no, anything else as compact JSON. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '(not set)';
  if (typeof value === 'string') return value === '' ? '(empty)' : `“${value}”`;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  const json = JSON.stringify(value);
  return json.length > 200 ? `${json.slice(0, 200)}…` : json;
}
