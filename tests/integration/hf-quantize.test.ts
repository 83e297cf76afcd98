import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/shared/deploy/canonical-json';
import { sha256Hex } from '../../src/main/modelfiles/sha256';
import { HF_LIBRARY, LLAMA3, PROPERTY_MANAGER_V1 } from '../support/fake-ollama/index';
import { startWorld, type World } from './create-fixtures';
import { failure, modelfilesIn, readWorkspaceFile, registryOnDisk } from './lifecycle-fixtures';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const REPO = 'hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF';
const NAME = 'tiny-v1';
type NewModelInput = Parameters<World['services']['handlers']['models.new']>[0];
const input = (over: Partial<NewModelInput> = {}): NewModelInput => ({ name: NAME, display_name: 'Tiny', description: '', base_model: `${REPO}:F16`, ...over });

function start(): Promise<World> {
  return startWorld({ models: [LLAMA3, PROPERTY_MANAGER_V1], library: [LLAMA3, ...HF_LIBRARY] });
}

describe('a new model from a Hugging Face base, quantized at create', () => {
  it('records quantize with the entry, pulls the base with progress, quantizes, and hashes the request with it', async () => {
    world = await start();
    const added = await world.services.handlers['models.new'](input({ quantize: 'Q4_K_M' }));
    expect(added.entry).toMatchObject({ base_model: `${REPO}:F16`, quantize: 'Q4_K_M' });
    expect(readWorkspaceFile(world, added.modelfile).startsWith(`FROM ${REPO}:F16\n`)).toBe(true);
    // The Modelfile has no quantize instruction: it stays out of it.
    expect(readWorkspaceFile(world, added.modelfile)).not.toMatch(/quantiz/i);

    const job = await world.services.handlers['models.create']({ name: NAME, pullBase: true });
    const done = await world.services.jobs.whenDone(job.id);
    expect(done.state).toBe('succeeded');
    const steps = done.steps.map((s) => s.status);
    expect(steps).toContain('pulling manifest');
    expect(done.steps.some((s) => s.status.startsWith('pulling ') && s.total !== null && s.completed === s.total)).toBe(true);
    expect(steps.indexOf('quantizing F16 model to Q4_K_M')).toBeGreaterThan(steps.indexOf('pulling manifest'));

    const sent = world.fake.createRequestOf(NAME);
    expect(sent).toMatchObject({ model: NAME, from: `${REPO}:F16`, quantize: 'Q4_K_M' });
    expect(world.fake.model(NAME)?.quantizationLevel).toBe('Q4_K_M');
    const entry = registryOnDisk(world).models[NAME];
    expect(entry?.build?.quantize).toBe('Q4_K_M');
    // The deploy's "same version" is the hash of the body sent, quantize included.
    expect(registryOnDisk(world).deployments?.local?.[NAME]?.request_sha256).toBe(sha256Hex(canonicalJson(sent)));
  });

  it('a changed quantize makes the built model outdated and a new request to deploy', async () => {
    world = await start();
    await world.services.handlers['models.new'](input({ quantize: 'Q4_K_M' }));
    const job = await world.services.handlers['models.create']({ name: NAME, pullBase: true });
    expect((await world.services.jobs.whenDone(job.id)).state).toBe('succeeded');
    expect((await world.services.session().sync.syncNow()).outdated).not.toContain(NAME);
    const planBefore = await world.services.handlers['deploy.plan']({ prune: false });
    expect(planBefore.hosts[0]?.actions.filter((a) => a.model === NAME && a.kind === 'create')).toEqual([]);

    await world.services.handlers['models.update']({ name: NAME, patch: { quantize: 'Q8_0' } });
    expect(registryOnDisk(world).models[NAME]?.quantize).toBe('Q8_0');
    expect((await world.services.session().sync.syncNow()).outdated).toContain(NAME);
    const planAfter = await world.services.handlers['deploy.plan']({ prune: false });
    expect(planAfter.hosts[0]?.actions.some((a) => a.model === NAME && a.kind === 'create')).toBe(true);

    await world.services.handlers['models.update']({ name: NAME, patch: { quantize: '' } });
    expect(registryOnDisk(world).models[NAME]).not.toHaveProperty('quantize');
  });

  it("shows quantize in the editor's request preview, as the create sends it", async () => {
    world = await start();
    await world.services.handlers['models.new'](input({ quantize: 'Q4_K_S' }));
    const preview = await world.services.handlers['modelfile.preview']({ name: NAME });
    expect(preview.request).toMatchObject({ model: NAME, from: `${REPO}:F16`, quantize: 'Q4_K_S' });
    // A hand-edited bad value is a warning here and the create's clear refusal.
    const file = JSON.parse(fs.readFileSync(path.join(world.ws, 'model_settings.json'), 'utf8')) as { models: Record<string, Record<string, unknown>> };
    file.models[NAME]!.quantize = 'Q5_K_M';
    fs.writeFileSync(path.join(world.ws, 'model_settings.json'), JSON.stringify(file, null, 2));
    await expect.poll(() => world!.services.session().store.get().registry.models[NAME]?.quantize).toBe('Q5_K_M');
    const warned = await world.services.handlers['modelfile.preview']({ name: NAME });
    expect(warned.request).not.toHaveProperty('quantize');
    expect(warned.warnings).toContain(`The registry entry's quantize is wrong: "Q5_K_M" is not a type Ollama quantizes to; use one of Q4_K_M, Q4_K_S, Q8_0, F16, BF16, F32.`);
    const job = await world.services.handlers['models.create']({ name: NAME, pullBase: true });
    const done = await world.services.jobs.whenDone(job.id);
    expect(done).toMatchObject({ state: 'failed', error: expect.stringContaining(`Its registry entry's quantize is wrong: "Q5_K_M" is not a type`) });
    expect(world.fake.createRequestOf(NAME)).toBeNull();
  });

  it('keeps a pasted https:// address as the name Ollama takes', async () => {
    world = await start();
    const added = await world.services.handlers['models.new'](input({ base_model: `https://huggingface.co/bartowski/Llama-3.2-1B-Instruct-GGUF` }));
    expect(added.entry.base_model).toBe('huggingface.co/bartowski/Llama-3.2-1B-Instruct-GGUF');
    expect(readWorkspaceFile(world, added.modelfile)).toContain('FROM huggingface.co/bartowski/Llama-3.2-1B-Instruct-GGUF\n');
  });

  it('says a Hugging Face repository that does not exist was not found on Hugging Face', async () => {
    world = await start();
    const job = await world.services.handlers['models.pull']({ model: 'hf.co/nobody/no-such-repo:Q4_K_M' });
    const done = await world.services.jobs.whenDone(job.id);
    expect(done).toMatchObject({ state: 'failed', errorKind: 'not_found' });
    expect(done.error).toContain('hf.co/nobody/no-such-repo:Q4_K_M was not found on Hugging Face.');
    expect(done.error).not.toContain('ollama.com/library');
  });
});

describe('refusals name the field and leave nothing behind', () => {
  async function refusal(over: Partial<NewModelInput>) {
    const before = modelfilesIn(world!);
    const error = await failure(world!.services.handlers['models.new'](input(over)));
    expect(modelfilesIn(world!)).toEqual(before);
    expect(registryOnDisk(world!).models[NAME]).toBeUndefined();
    return error;
  }

  it.each([
    ['hf.co/bartowski', /needs a user and a repository/],
    ['hf.co/some.user/repo', /contains a dot/],
    ['hf.co/u/r:', /nothing follows ":"/],
    ['http://hf.co/u/r', /only over https/],
    ['llama 3', /model part/],
  ])('a malformed base %s', async (base, message) => {
    world = await start();
    const error = await refusal({ base_model: base });
    expect(error.kind).toBe('validation');
    expect(error.issues).toEqual([{ path: 'base_model', message: expect.stringMatching(message) }]);
  });

  it('quantize from an already quantized base, with the reason', async () => {
    world = await start();
    const error = await refusal({ base_model: 'llama3:latest', quantize: 'Q4_K_M' });
    expect(error.issues).toEqual([{ path: 'quantize', message: expect.stringContaining('llama3:latest is already quantized (Ollama lists it as Q4_0)') }]);
    const hfDefault = await refusal({ base_model: REPO, quantize: 'Q8_0' });
    expect(hfDefault.issues?.[0]?.message).toContain('its tag asks for Q4_K_M');
  });

  it('a quantize type Ollama does not make', async () => {
    world = await start();
    // Typed calls cannot even say it; what comes over the wire is checked by the call's schema.
    const call = world.services.handlers['models.new'](input({ quantize: 'Q5_K_M' as 'Q4_K_M' }));
    await expect(call).rejects.toThrow(/Q5_K_M.* is not a type Ollama quantizes to; use one of Q4_K_M, Q4_K_S, Q8_0, F16, BF16, F32/);
    expect(registryOnDisk(world).models[NAME]).toBeUndefined();
  });
});

describe('new version', () => {
  it('takes an hf.co base and a quantize, and proposes the source’s quantize', async () => {
    world = await start();
    await world.services.handlers['models.new'](input({ quantize: 'Q8_0' }));
    const proposal = await world.services.handlers['models.versionProposal']({ name: NAME });
    expect(proposal).toMatchObject({ name: 'tiny-v2', base_model: `${REPO}:F16`, quantize: 'Q8_0' });
    const added = await world.services.handlers['models.newVersion']({
      from: NAME,
      name: 'tiny-v2',
      display_name: 'Tiny v2',
      description: '',
      base_model: 'hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF:BF16',
      quantize: 'Q4_K_S',
    });
    expect(added.entry).toMatchObject({ base_model: 'hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF:BF16', quantize: 'Q4_K_S' });
    expect(readWorkspaceFile(world, added.modelfile)).toContain('FROM hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF:BF16');
  });
});
