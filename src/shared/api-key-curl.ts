/**
 * A ready command that proves an API key works: it lists the models the OpenAI-compatible API
 * serves. The key goes in single quotes, so any printable key (`--token` accepts `$`, `"`, `` ` ``)
 * reaches the server as typed in a POSIX shell.
 */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** `baseUrl` is the OpenAI base URL, e.g. `http://127.0.0.1:11480/v1`. */
export function curlListModels(baseUrl: string, apiKey: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  return `curl -H ${shellQuote(`Authorization: Bearer ${apiKey}`)} ${shellQuote(`${base}/models`)}`;
}

/** Shown instead of the key until the user asks: dots and the last four characters, to tell keys apart. */
export function maskApiKey(apiKey: string): string {
  return `${'•'.repeat(20)}${apiKey.slice(-4)}`;
}
