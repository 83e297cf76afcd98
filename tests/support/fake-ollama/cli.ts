import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { startFakeOllama } from './index';
import { PRESETS } from './presets';
import { replyRuleSchema, ruleFromJson, type ReplyRule } from './reply-rules';

/**
 * Runs the fake Ollama by hand:
 *   npm run fake-ollama -- --port 11434 --control-port 11435 --seed seed [--replies rules.json]
 * `--replies` takes a JSON list of reply rules, as POST /control/replies does.
 * Slower chat and pulls than in tests, so progress is visible in the UI.
 */

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '11434' },
    'control-port': { type: 'string', default: '11435' },
    seed: { type: 'string', default: 'seed' },
    version: { type: 'string' },
    'tokens-per-second': { type: 'string', default: '25' },
    'pull-step-ms': { type: 'string', default: '250' },
    replies: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(
    [
      'Usage: npm run fake-ollama -- [--port 11434] [--control-port 11435] [--seed seed|empty|facts]',
      '                              [--version 0.18.0] [--tokens-per-second 25] [--pull-step-ms 250]',
      '                              [--replies rules.json]   (a JSON list of {model?, when?, text, thinking?, delayMs?})',
    ].join('\n'),
  );
  process.exit(0);
}

const preset = PRESETS[values.seed];
if (!preset) {
  console.error(`Unknown --seed "${values.seed}"; choose one of: ${Object.keys(PRESETS).join(', ')}`);
  process.exit(2);
}

function readReplies(path: string): ReplyRule[] {
  try {
    return z.array(replyRuleSchema).parse(JSON.parse(readFileSync(path, 'utf8'))).map(ruleFromJson);
  } catch (error) {
    const reason = error instanceof z.ZodError ? z.prettifyError(error) : error instanceof Error ? error.message : String(error);
    console.error(`--replies ${path}: ${reason}`);
    process.exit(2);
  }
}

const replies = values.replies === undefined ? [] : readReplies(values.replies);

const fake = await startFakeOllama({
  port: Number(values.port),
  controlPort: Number(values['control-port']),
  models: preset.models,
  library: preset.library,
  ...(values.version ? { version: values.version } : {}),
  chat: { tokens: 60, tokensPerSecond: Number(values['tokens-per-second']) },
  pull: { steps: 40, stepMs: Number(values['pull-step-ms']) },
});

fake.setReplies(replies);

console.log(`Fake Ollama API:     ${fake.url}`);
console.log(`Fake Ollama control: ${fake.controlUrl}/control/state`);
console.log(`Models:  ${fake.tags().map((m) => String(m.name)).join(', ') || '(none)'}`);
console.log(`Library: ${preset.library.map((m) => m.name).join(', ')}`);
console.log('Ctrl+C to stop.');

const stop = (): void => {
  void fake.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
