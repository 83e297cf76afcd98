/** One server-sent event, as the `event:` and `data:` lines that made it. */
export interface SseMessage {
  event: string;
  data: string;
  id: string | null;
}

export interface SseParser {
  /** Feed the next decoded chunk; events dispatch as their terminating blank line arrives. */
  push(chunk: string): void;
  /** The `retry:` field last seen, in milliseconds. */
  readonly retry: number | null;
}

/**
 * A small `text/event-stream` parser (WHATWG HTML §9.2.6): fields `event`, `data`, `id`, `retry`;
 * lines starting with `:` are comments; a blank line dispatches. Chunks may split lines anywhere,
 * including between the `\r` and `\n` of one line ending.
 */
export function createSseParser(onMessage: (message: SseMessage) => void): SseParser {
  let buffer = '';
  let eventType = '';
  let data: string[] = [];
  let lastId: string | null = null;
  let retry: number | null = null;
  let skipLeadingLf = false;

  function dispatch(): void {
    if (data.length > 0) onMessage({ event: eventType || 'message', data: data.join('\n'), id: lastId });
    eventType = '';
    data = [];
  }

  function processLine(line: string): void {
    if (line === '') return dispatch();
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        eventType = value;
        break;
      case 'data':
        data.push(value);
        break;
      case 'id':
        if (!value.includes('\0')) lastId = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) retry = Number(value);
        break;
      default:
        break; // unknown fields are ignored by the spec
    }
  }

  return {
    push(chunk) {
      let text = buffer + chunk;
      buffer = '';
      if (skipLeadingLf && text.startsWith('\n')) text = text.slice(1);
      skipLeadingLf = false;
      let start = 0;
      for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (ch !== '\n' && ch !== '\r') continue;
        processLine(text.slice(start, i));
        if (ch === '\r') {
          if (i + 1 === text.length) skipLeadingLf = true; // the "\n" of "\r\n" may come next chunk
          else if (text[i + 1] === '\n') i++;
        }
        start = i + 1;
      }
      buffer = text.slice(start);
    },
    get retry() {
      return retry;
    },
  };
}
