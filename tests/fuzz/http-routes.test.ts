import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelEntrySchema, modelPatchSchema } from '../../src/shared/registry';
import { anyValue, fromSchema, KNOWN_NAMES, nastyString, PROTOTYPE_NAMES, schemaKeys, toJsonText } from './arbitraries';
import { EVENT_RUNS, FuzzHarness, RUNS, TEST_TIMEOUT_MS, type Answer } from './fuzz-harness';

/**
 * The routes beside the RPC: the seed's admin API, the OpenAI-compatible proxy, the event stream,
 * and paths no route has. Same checks as the RPC fuzz: an answer, no 5xx, a refusal that says
 * why, the registry untouched by a refused input.
 */

let harness: FuzzHarness;

beforeAll(async () => {
  harness = await FuzzHarness.start();
}, 60_000);

afterAll(async () => {
  console.log(harness.report('HTTP routes fuzz'));
  await harness.close();
}, 60_000);

/** Percent-encodes the UTF-8 bytes of `text` (lone surrogates become U+FFFD), except the bytes `keep` allows. */
function percentEncode(text: string, keep: (byte: number) => boolean): string {
  return [...Buffer.from(text, 'utf8')].map((byte) => (keep(byte) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}
const UNRESERVED = /[A-Za-z0-9\-._~]/;

/** A model name as a path segment: fully encoded, or raw printable ASCII (slashes, dots, stray `%` left in). */
const nameInPath = fc
  .tuple(fc.oneof(nastyString, fc.constantFrom(...KNOWN_NAMES, ...PROTOTYPE_NAMES)), fc.constantFrom('encoded', 'raw'))
  .map(([name, how]) =>
    how === 'encoded'
      ? percentEncode(name, (byte) => UNRESERVED.test(String.fromCharCode(byte)))
      : percentEncode(name, (byte) => byte >= 0x21 && byte <= 0x7e && byte !== 0x3f && byte !== 0x23),
  )
  .filter((segment) => segment.length > 0 && segment.length < 60_000);

const chatMessage = fc.oneof(
  fc.record({ role: fc.constantFrom('user', 'system', 'assistant', 'tool', 'constructor'), content: fc.oneof(nastyString, anyValue(['type', 'text'])) }),
  anyValue(['role', 'content']),
);
const completionBody = fc.oneof(
  {
    arbitrary: fc.record(
      {
        model: fc.oneof(fc.constantFrom(...KNOWN_NAMES, ...PROTOTYPE_NAMES), nastyString),
        messages: fc.oneof(fc.array(chatMessage, { maxLength: 3 }), anyValue(['role'])),
        stream: fc.oneof(fc.boolean(), anyValue([])),
        temperature: anyValue([]),
        max_tokens: anyValue([]),
        stream_options: anyValue(['include_usage']),
      },
      { requiredKeys: ['model', 'messages'] },
    ),
    weight: 5,
  },
  { arbitrary: anyValue(['model', 'messages', 'stream']), weight: 1 },
);

interface RouteCase {
  endpoint: string;
  input: fc.Arbitrary<{ method: string; target: string; body: string | null }>;
  /** A refusal that still changed the registry on purpose (a build that ran and failed records it). */
  registryMayChange?: (answer: Answer) => boolean;
  allowed5xx?: (answer: Answer) => boolean;
}

const entryKeys = schemaKeys(modelEntrySchema).all;
const cases: RouteCase[] = [
  { endpoint: 'GET /admin/models', input: fc.constant({ method: 'GET', target: '/admin/models', body: null }) },
  {
    endpoint: 'POST /admin/models/add',
    input: fc.oneof(fromSchema(modelEntrySchema, entryKeys), anyValue(entryKeys)).map((v) => ({ method: 'POST', target: '/admin/models/add', body: toJsonText(v) })),
  },
  {
    endpoint: 'PUT /admin/models/{name}',
    input: fc
      .tuple(nameInPath, fc.oneof(fromSchema(modelPatchSchema, entryKeys), anyValue(entryKeys)))
      .map(([name, v]) => ({ method: 'PUT', target: `/admin/models/${name}`, body: toJsonText(v) })),
  },
  {
    endpoint: 'POST /admin/models/create/{name}',
    input: fc.tuple(nameInPath, fc.boolean()).map(([name, wait]) => ({ method: 'POST', target: `/admin/models/create/${name}${wait ? '' : '?wait=false'}`, body: null })),
    registryMayChange: (answer) => answer.status === 400 && answer.text.includes('Failed to create model'),
  },
  { endpoint: 'GET /v1/models', input: fc.constant({ method: 'GET', target: '/v1/models', body: null }) },
  { endpoint: 'GET /v1/models/{model}', input: nameInPath.map((name) => ({ method: 'GET', target: `/v1/models/${name}`, body: null })) },
  {
    endpoint: 'POST /v1/chat/completions',
    input: completionBody.map((v) => ({ method: 'POST', target: '/v1/chat/completions', body: toJsonText(v) })),
    // The seed's proxy rule: a configured model that is not available is 503 "not available".
    allowed5xx: (answer) => answer.status === 503 && /not available/.test(answer.text),
  },
  {
    endpoint: 'any other path',
    input: fc
      .tuple(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD'),
        fc.constantFrom('/rpc/', '/admin/', '/admin/models/', '/v1/', '/v1/chat/', '/events/', '/api/', '/'),
        nameInPath,
        fc.option(anyValue(['model'])),
      )
      .map(([method, prefix, rest, body]) => ({ method, target: `${prefix}${rest}`, body: body === null || method === 'GET' || method === 'HEAD' ? null : toJsonText(body) })),
  },
];

describe('fuzzing the HTTP routes', () => {
  for (const route of cases) {
    it(
      route.endpoint,
      async () => {
        await fc.assert(
          fc.asyncProperty(route.input, async ({ method, target, body }) => {
            const before = harness.registryBytes();
            const answer = await harness.send(method, target, body);
            await harness.check(route.endpoint, `${method} ${target} ${body ?? ''}`, before, answer, {
              ...(route.registryMayChange ? { registryMayChange: route.registryMayChange } : {}),
              ...(route.allowed5xx ? { allowed5xx: route.allowed5xx } : {}),
            });
          }),
          { numRuns: RUNS, endOnFailure: true },
        );
        expect(harness.findings.filter((f) => f.endpoint === route.endpoint)).toEqual([]);
        expect(harness.unhandledRejections()).toEqual([]);
      },
      TEST_TIMEOUT_MS,
    );
  }

  it(
    'GET /events opens the stream and lets go, whatever the query and headers',
    async () => {
      const endpoint = 'GET /events';
      await fc.assert(
        fc.asyncProperty(fc.tuple(nameInPath, fc.oneof(fc.constant(''), nastyString.map((s) => s.replace(/[^\x20-\x7e]/g, '').slice(0, 200)))), async ([query, lastId]) => {
          const answer = await harness.openEvents(`/events?${query}`, lastId === '' ? {} : { 'last-event-id': lastId });
          await harness.check(endpoint, `${query} ${lastId}`, harness.registryBytes(), answer);
        }),
        { numRuns: EVENT_RUNS, endOnFailure: true },
      );
      expect(harness.findings.filter((f) => f.endpoint === endpoint)).toEqual([]);
      expect(harness.unhandledRejections()).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  it('the server still answers after all of it', async () => {
    expect((await harness.send('GET', '/admin/models', null)).status).toBe(200);
  });
});
