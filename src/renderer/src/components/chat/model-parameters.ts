/** One value from `/api/show`'s `parameters` text ("temperature 0.7\nstop ..."), or null. */
export function modelParameter(parameters: string, name: string): string | null {
  for (const line of parameters.split('\n')) {
    const [key, ...rest] = line.trim().split(/\s+/);
    if (key === name && rest.length > 0) return rest.join(' ');
  }
  return null;
}
