import { splitModelName } from '../../../src/shared/model-name';
import type { ReplyRandom } from './reply-random';
import { instanceOf } from './schema-instance';

/**
 * Tool calling as /api/chat does it, deterministically. With `tools` in the request, a model
 * whose turn follows the user (not a tool result) calls a tool: the calls a matching reply rule
 * scripts, else the first tool with arguments made from its `parameters` schema. After a `tool`
 * message it answers in text. Each call goes out as its own chunk, content "", with
 * `function.index` (0.12.6) and an `id` of the form `call_` + 8 lowercase letters or digits
 * (routes.go toolCallId; 0.12.10); `stream: false` gathers them in `message.tool_calls`.
 * A model without the `tools` capability refuses tools with CheckCapabilities' 400, naming the
 * model in full (`registry.ollama.ai/library/llama3:latest does not support tools`).
 */

export interface ScriptedToolCall {
  name: string;
  arguments?: Record<string, unknown>;
}

export interface ToolCallOut {
  id?: string;
  function: { index?: number; name: string; arguments: Record<string, unknown> };
}

interface ToolSpec {
  name: string;
  parameters: Record<string, unknown>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function toolSpecs(tools: unknown): ToolSpec[] {
  if (!Array.isArray(tools)) return [];
  return tools.flatMap((tool) => {
    const fn = isObject(tool) && isObject(tool.function) ? tool.function : null;
    if (!fn || typeof fn.name !== 'string') return [];
    return [{ name: fn.name, parameters: isObject(fn.parameters) ? fn.parameters : { type: 'object', properties: {} } }];
  });
}

/** The model's turn follows a tool result: it answers in text. */
export function afterToolResult(messages: unknown): boolean {
  if (!Array.isArray(messages) || messages.length === 0) return false;
  const last: unknown = messages[messages.length - 1];
  return isObject(last) && last.role === 'tool';
}

/** Name.String(): the name in full, defaults filled in, as CheckCapabilities' errors print it. */
export function fullModelName(name: string): string {
  const { host, namespace, model, tag } = splitModelName(name.trim());
  return `${host}/${namespace}/${model}:${tag}`;
}

function versionAtLeast(version: string, wanted: [number, number, number]): boolean {
  const parts = version.split(/[.-]/).map((p) => Number.parseInt(p, 10) || 0);
  for (let i = 0; i < 3; i++) {
    const a = parts[i] ?? 0;
    const b = wanted[i] ?? 0;
    if (a !== b) return a > b;
  }
  return true;
}

function callId(random: ReplyRandom): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let id = 'call_';
  for (let i = 0; i < 8; i++) id += letters[random.int(0, letters.length - 1)];
  return id;
}

/** The calls the model makes this turn (empty: it answers in text). */
export function plannedToolCalls(input: {
  tools: unknown;
  messages: unknown;
  scripted: readonly ScriptedToolCall[] | undefined;
  random: ReplyRandom;
  version: string;
}): ToolCallOut[] {
  const specs = toolSpecs(input.tools);
  if (specs.length === 0 || afterToolResult(input.messages)) return [];
  const first = specs[0];
  const calls: readonly ScriptedToolCall[] = input.scripted ?? (first ? [{ name: first.name, arguments: instanceOf(first.parameters, input.random) as Record<string, unknown> }] : []);
  const withIndex = versionAtLeast(input.version, [0, 12, 6]);
  const withId = versionAtLeast(input.version, [0, 12, 10]);
  return calls.map((call, index) => ({
    ...(withId ? { id: callId(input.random) } : {}),
    function: { ...(withIndex ? { index } : {}), name: call.name, arguments: isObject(call.arguments) ? call.arguments : {} },
  }));
}
