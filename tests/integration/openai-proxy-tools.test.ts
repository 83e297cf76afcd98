import OpenAI from 'openai';
import type { ChatCompletionMessageParam, ChatCompletionTool } from 'openai/resources/chat/completions';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LLAMA3, QWEN3_30B } from '../support/fake-ollama/index';
import { V1, V2 } from './create-fixtures';
import { API_KEY } from './http-fixtures';
import { startServedWorld, type ServedWorld } from './served-world';

/**
 * The official `openai` client's tool-calling flow through `/v1` of the real services and HTTP
 * server, against the fake Ollama: tools, tool calls (streamed and not), tool results,
 * `response_format` and reasoning pass through as Ollama's own compatibility layer passes them.
 * v1 is a qwen3 (tools and thinking); v2 a llama3 (neither).
 */

let world: ServedWorld;
let client: OpenAI;

beforeEach(async () => {
  world = await startServedWorld({ models: [LLAMA3, { ...QWEN3_30B, name: V1 }, { ...LLAMA3, name: V2 }] });
  client = new OpenAI({ baseURL: `${world.server.url}/v1`, apiKey: API_KEY, maxRetries: 0 });
  world.fake.setReplies([{ when: 'weather', toolCalls: [{ name: 'get_weather', arguments: { city: 'Paris', unit: 'celsius' } }], text: 'It is 18 °C in Paris.' }]);
});
afterEach(async () => {
  world.server.server.closeAllConnections();
  await world.close();
});

const WEATHER: ChatCompletionTool = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'The weather in a city',
    parameters: { type: 'object', properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } }, required: ['city'] },
  },
};
const question = (): ChatCompletionMessageParam[] => [{ role: 'user', content: 'What is the weather in Paris?' }];
const sentToOllama = (): Array<Record<string, unknown>> => world.fake.requestsTo('/api/chat').map((r) => r.body as Record<string, unknown>);

describe('tool calls through /v1 with the openai client', () => {
  it('runs the flow without streaming: tools → tool_calls → tool result → final answer', async () => {
    const messages = question();
    const first = await client.chat.completions.create({ model: V1, messages, tools: [WEATHER] });
    const choice = first.choices[0];
    expect(choice?.finish_reason).toBe('tool_calls');
    const calls = choice?.message.tool_calls ?? [];
    expect(calls).toHaveLength(1);
    const call = calls[0];
    if (call?.type !== 'function') throw new Error('expected a function call');
    expect(call.id).toMatch(/^call_[a-z0-9]{8}$/);
    expect(call.function.name).toBe('get_weather');
    expect(JSON.parse(call.function.arguments)).toEqual({ city: 'Paris', unit: 'celsius' });

    messages.push(choice!.message, { role: 'tool', tool_call_id: call.id, content: '{"temperature": 18}' });
    const final = await client.chat.completions.create({ model: V1, messages, tools: [WEATHER] });
    expect(final.choices[0]?.message.content).toBe('It is 18 °C in Paris.');
    expect(final.choices[0]?.finish_reason).toBe('stop');

    // Ollama got the tool list unchanged, the call back as an object, the result named by its call.
    const [asked, answered] = sentToOllama();
    expect(asked?.tools).toEqual([WEATHER]);
    expect(answered?.messages).toEqual([
      { role: 'user', content: 'What is the weather in Paris?' },
      { role: 'assistant', content: '', tool_calls: [{ id: call.id, function: { name: 'get_weather', arguments: { city: 'Paris', unit: 'celsius' } } }] },
      { role: 'tool', content: '{"temperature": 18}', tool_name: 'get_weather', tool_call_id: call.id },
    ]);
    expect(asked?.think).toBe(false);
  });

  it('runs the flow streamed: the client assembles the streamed call, and runTools finishes the job', async () => {
    const stream = client.chat.completions.stream({ model: V1, messages: question(), tools: [WEATHER] });
    const message = await stream.finalMessage();
    const call = message.tool_calls?.[0];
    if (call?.type !== 'function') throw new Error('expected a function call');
    expect(JSON.parse(call.function.arguments)).toEqual({ city: 'Paris', unit: 'celsius' });
    expect((await stream.finalChatCompletion()).choices[0]?.finish_reason).toBe('tool_calls');

    const seen: unknown[] = [];
    const runner = client.chat.completions.runTools({
      model: V1,
      messages: question(),
      stream: true,
      tools: [
        {
          type: 'function',
          function: {
            name: 'get_weather',
            description: 'The weather in a city',
            parameters: WEATHER.type === 'function' ? (WEATHER.function.parameters ?? {}) : {},
            parse: JSON.parse,
            function: (args: { city: string }) => {
              seen.push(args);
              return { temperature: 18 };
            },
          },
        },
      ],
    });
    expect(await runner.finalContent()).toBe('It is 18 °C in Paris.');
    expect(seen).toEqual([{ city: 'Paris', unit: 'celsius' }]);
  });

  it('streams reasoning before the answer when asked, and passes response_format as Ollama’s format', async () => {
    world.fake.setReplies([]);
    const schema = { type: 'object', properties: { verdict: { type: 'string', enum: ['yes', 'no'] } }, required: ['verdict'], additionalProperties: false };
    const stream = await client.chat.completions.create({
      model: V1,
      messages: [{ role: 'user', content: 'Is 17 prime?' }],
      stream: true,
      reasoning_effort: 'low',
      response_format: { type: 'json_schema', json_schema: { name: 'answer', schema } },
    });
    let reasoning = '';
    let content = '';
    for await (const chunk of stream) {
      const delta = chunk.choices[0]?.delta as { content?: string | null; reasoning?: string } | undefined;
      if (delta?.reasoning) {
        expect(content).toBe('');
        reasoning += delta.reasoning;
      }
      content += delta?.content ?? '';
    }
    expect(reasoning).not.toBe('');
    expect(['yes', 'no']).toContain((JSON.parse(content) as { verdict: string }).verdict);
    expect(sentToOllama().at(-1)).toMatchObject({ think: 'low', format: schema });
  });

  it('refuses reasoning and tools for a model without the capability with a 400 that says why, sending nothing', async () => {
    const reasoning = await client.chat.completions.create({ model: V2, messages: question(), reasoning_effort: 'high' }).catch((e: unknown) => e);
    expect(reasoning).toMatchObject({ status: 400, error: { param: 'reasoning_effort', type: 'invalid_request_error' } });
    expect((reasoning as Error).message).toContain(`model ${V2} cannot reason`);
    const tools = await client.chat.completions.create({ model: V2, messages: question(), tools: [WEATHER] }).catch((e: unknown) => e);
    expect(tools).toMatchObject({ status: 400, error: { param: 'tools' } });
    expect(sentToOllama()).toEqual([]);
    // "none" is no reasoning, so it goes through, with think false.
    await client.chat.completions.create({ model: V2, messages: question(), reasoning_effort: 'none' });
    expect(sentToOllama().map((b) => b.think)).toEqual([false]);
  });

  it('says what is wrong with a bad effort or tool call', async () => {
    const effort = await client.chat.completions.create({ model: V1, messages: question(), reasoning_effort: 'extreme' as 'high' }).catch((e: unknown) => e);
    expect(effort).toMatchObject({ status: 400, error: { param: 'reasoning_effort' } });
    const args = await client.chat.completions
      .create({
        model: V1,
        messages: [...question(), { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{nope' } }] }],
      })
      .catch((e: unknown) => e);
    expect(args).toMatchObject({ status: 400 });
    expect((args as Error).message).toContain('messages[1].tool_calls[0].function.arguments must be a JSON object');
  });
});
