// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createSseParser, type SseMessage } from '../../src/renderer/src/api/sse-parser';

function parse(...chunks: string[]): SseMessage[] {
  const out: SseMessage[] = [];
  const parser = createSseParser((m) => out.push(m));
  for (const chunk of chunks) parser.push(chunk);
  return out;
}

describe('SSE parser', () => {
  it('dispatches an event on the blank line, with its name and data', () => {
    expect(parse('event: sync.changed\ndata: {"a":1}\n\n')).toEqual([{ event: 'sync.changed', data: '{"a":1}', id: null }]);
  });

  it('does not dispatch before the blank line arrives', () => {
    expect(parse('event: x\ndata: 1\n')).toEqual([]);
  });

  it('joins several data lines with newlines', () => {
    expect(parse('data: one\ndata: two\n\n')[0]?.data).toBe('one\ntwo');
  });

  it('names an event without an event field "message"', () => {
    expect(parse('data: hi\n\n')[0]?.event).toBe('message');
  });

  it('ignores comment lines (keep-alives)', () => {
    expect(parse(': ping\n\n: another\nevent: a\ndata: 1\n\n')).toEqual([{ event: 'a', data: '1', id: null }]);
  });

  it('reassembles events split across chunks anywhere, including inside CRLF', () => {
    const messages = parse('eve', 'nt: reg', 'istry.changed\r', '\ndata: {"x"', ':2}\r\n\r', '\n');
    expect(messages).toEqual([{ event: 'registry.changed', data: '{"x":2}', id: null }]);
  });

  it('accepts CR-only line endings', () => {
    expect(parse('event: a\rdata: 1\r\r')).toEqual([{ event: 'a', data: '1', id: null }]);
  });

  it('strips only one leading space from a value and keeps the rest', () => {
    expect(parse('data:  two spaces\n\n')[0]?.data).toBe(' two spaces');
    expect(parse('data:none\n\n')[0]?.data).toBe('none');
  });

  it('resets the event name after each dispatch', () => {
    const messages = parse('event: a\ndata: 1\n\ndata: 2\n\n');
    expect(messages.map((m) => m.event)).toEqual(['a', 'message']);
  });

  it('skips events with no data lines', () => {
    expect(parse('event: empty\n\n')).toEqual([]);
  });

  it('records id and retry fields', () => {
    const out: SseMessage[] = [];
    const parser = createSseParser((m) => out.push(m));
    parser.push('id: 7\nretry: 2500\ndata: x\n\n');
    expect(out[0]?.id).toBe('7');
    expect(parser.retry).toBe(2500);
  });
});
