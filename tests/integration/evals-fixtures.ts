import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAppServices, type AppServices } from '../../src/main/services/app-services';
import type { EvalRunChanged } from '../../src/shared/eval/eval-calls';
import { LLAMA3, startFakeOllama, type FakeModelSeed, type FakeOllama } from '../support/fake-ollama/index';
import { TEMPLATE_DIR } from './create-fixtures';

/**
 * Shared set-up for the evaluation integration tests (not a test file): a workspace with the
 * `support-bot` family (v1 built from its Modelfile as it is now, v2 from an older text of its
 * Modelfile), a prompt set of three cases, and a fake Ollama that has both versions and llama3.
 */

export const FAMILY = 'support-bot';
export const V1 = 'support-bot-v1';
export const V2 = 'support-bot-v2';
export const SET_PATH = 'evals/support-bot.yaml';

export const MODELFILE_V1 = 'FROM llama3\nSYSTEM You are a support bot.\n';
export const MODELFILE_V2 = 'FROM llama3\nSYSTEM You are a friendly support bot.\n';
/** v2 was built from this text; the file has been edited since. */
export const MODELFILE_V2_BUILT = 'FROM llama3\nSYSTEM You are a support bot, v2.\n';

export const PROMPT_SET = `family: support-bot
description: Replies of the support bot
cases:
  - id: greets
    prompt: Greet a new customer.
    checks:
      - contains: hello
        ignore_case: true
  - id: refunds
    prompt: Can I get my money back?
    checks:
      - contains: refund
  - id: json-status
    prompt: Give the order status as JSON.
    checks:
      - valid_json: true
`;

/** v2 stops greeting (a regression) and starts mentioning refunds (an improvement). */
export const REPLY_RULES = [
  { model: V1, when: 'Greet', text: 'Hello there, welcome!' },
  { model: V2, when: 'Greet', text: 'Welcome.' },
  { model: V1, when: 'money back', text: 'Please ask the shop.' },
  { model: V2, when: 'money back', text: 'Yes, a refund takes three days.' },
  { when: 'JSON', text: '{"status": "shipped"}' },
];

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function seed(name: string, system: string): FakeModelSeed {
  return { ...LLAMA3, name: `${name}:latest`, parentModel: 'llama3:latest', system };
}

export function writeEvalWorkspace(ws: string): void {
  fs.mkdirSync(path.join(ws, 'models'), { recursive: true });
  fs.mkdirSync(path.join(ws, 'evals'), { recursive: true });
  fs.writeFileSync(path.join(ws, 'models', 'Modelfile.v1'), MODELFILE_V1);
  fs.writeFileSync(path.join(ws, 'models', 'Modelfile.v2'), MODELFILE_V2);
  fs.writeFileSync(path.join(ws, SET_PATH), PROMPT_SET);
  const entry = (name: string, version: string, modelfile: string, builtFrom: string) => ({
    name,
    display_name: name,
    description: '',
    version,
    base_model: 'llama3:latest',
    modelfile,
    show_in_ui: true,
    auto_preload: false,
    status: 'available',
    build: { modelfile_sha256: sha256(builtFrom), digest: '', built_at: '2026-12-01 10:00:00' },
  });
  const registry = {
    default_model: V1,
    models: { [V1]: entry(V1, 'v1', 'models/Modelfile.v1', MODELFILE_V1), [V2]: entry(V2, 'v2', 'models/Modelfile.v2', MODELFILE_V2_BUILT) },
    base_models: { 'llama3:latest': { display_name: 'Llama 3', description: '', status: 'available' } },
  };
  fs.writeFileSync(path.join(ws, 'model_settings.json'), `${JSON.stringify(registry, null, 2)}\n`);
}

export interface EvalWorld {
  fake: FakeOllama;
  services: AppServices;
  ws: string;
  dataDir: string;
  runEvents: EvalRunChanged[];
  close(): Promise<void>;
}

/** A fake Ollama with llama3 and both versions, answering by REPLY_RULES. */
export async function startEvalFake(): Promise<FakeOllama> {
  const fake = await startFakeOllama({ models: [LLAMA3, seed(V1, 'You are a support bot.'), seed(V2, 'You are a friendly support bot.')], library: [LLAMA3] });
  fake.setReplies(REPLY_RULES);
  return fake;
}

export async function startEvalWorld(): Promise<EvalWorld> {
  const fake = await startEvalFake();
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-evals-ws-'));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-evals-data-'));
  writeEvalWorkspace(ws);
  const services = await createAppServices({
    mode: 'headless',
    dataDir,
    defaultWorkspace: ws,
    workspace: ws,
    ollamaHost: fake.url,
    env: {},
    appVersion: '0.0.0-test',
    templateDir: TEMPLATE_DIR,
  });
  const runEvents: EvalRunChanged[] = [];
  services.bus.subscribe((event, payload) => {
    if (event === 'evals.runChanged') runEvents.push(payload as EvalRunChanged);
  });
  return {
    fake,
    services,
    ws,
    dataDir,
    runEvents,
    async close() {
      await services.stop();
      await fake.close();
      fs.rmSync(ws, { recursive: true, force: true });
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Starts a run and waits for its job to end. */
export async function runAndWait(world: EvalWorld, input: { models: string[]; caseIds?: string[]; judge?: string | null; rerunOf?: string | null }) {
  const started = await world.services.handlers['evals.start']({ family: FAMILY, ...input });
  const job = await world.services.jobs.whenDone(started.jobId);
  return { ...started, job };
}
