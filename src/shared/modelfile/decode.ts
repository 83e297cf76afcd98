/**
 * A Modelfile's bytes as text, the way Ollama reads them (parser.go: unicode.BOMOverride over a
 * UTF-8 decoder): a UTF-16 byte-order mark selects UTF-16, a UTF-8 one is dropped, anything else
 * is UTF-8. Invalid sequences become U+FFFD.
 */
export function decodeModelfile(bytes: Uint8Array): string {
  const [a, b, c] = bytes;
  if (a === 0xff && b === 0xfe) return new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes.subarray(2));
  if (a === 0xfe && b === 0xff) {
    // Swap to little-endian rather than rely on 'utf-16be' support in every runtime.
    const body = bytes.slice(2);
    for (let i = 0; i + 1 < body.length; i += 2) {
      const hi = body[i] ?? 0;
      body[i] = body[i + 1] ?? 0;
      body[i + 1] = hi;
    }
    return new TextDecoder('utf-16le', { ignoreBOM: true }).decode(body);
  }
  const utf8 = a === 0xef && b === 0xbb && c === 0xbf ? bytes.subarray(3) : bytes;
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(utf8);
}
