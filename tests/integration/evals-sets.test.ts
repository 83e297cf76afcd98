import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Conversation } from '../../src/shared/chat';
import { failure } from './lifecycle-fixtures';
import { FAMILY, PROMPT_SET, SET_PATH, sha256, startEvalWorld, type EvalWorld } from './evals-fixtures';

let world: EvalWorld;

beforeEach(async () => {
  world = await startEvalWorld();
});

afterEach(async () => {
  await world.close();
});

const onDisk = (rel: string) => fs.readFileSync(path.join(world.ws, rel), 'utf8');

describe('prompt sets in the workspace', () => {
  it('reads a set with its hash and parsed cases, and lists it', async () => {
    const file = await world.services.handlers['evals.readSet']({ family: FAMILY });
    expect(file).toMatchObject({ family: FAMILY, path: SET_PATH, text: PROMPT_SET, sha256: sha256(PROMPT_SET), problems: [] });
    expect(file.set?.cases.map((c) => c.id)).toEqual(['greets', 'refunds', 'json-status']);
    const sets = await world.services.handlers['evals.sets']({});
    expect(sets).toEqual([expect.objectContaining({ family: FAMILY, path: SET_PATH, caseCount: 3, problemCount: 0, description: 'Replies of the support bot' })]);
  });

  it('saves over the version it was read from, and refuses when the file changed on disk meanwhile', async () => {
    const file = await world.services.handlers['evals.readSet']({ family: FAMILY });
    const edited = file.text.replace('Greet a new customer.', 'Greet a returning customer.');
    const saved = await world.services.handlers['evals.saveSet']({ family: FAMILY, text: edited, baseSha256: file.sha256 });
    expect(saved.sha256).toBe(sha256(edited));
    expect(onDisk(SET_PATH)).toBe(edited);

    // Another editor (or git) changes the file; a save based on the old text must not overwrite it.
    const theirs = `${edited}# their note\n`;
    fs.writeFileSync(path.join(world.ws, SET_PATH), theirs);
    const error = await failure(world.services.handlers['evals.saveSet']({ family: FAMILY, text: `${edited}# mine\n`, baseSha256: saved.sha256 }));
    expect(error.kind).toBe('conflict');
    expect(error.message).toMatch(/changed on disk.*Reload/);
    expect(onDisk(SET_PATH)).toBe(theirs);
    // No temporary file is left beside it.
    expect(fs.readdirSync(path.join(world.ws, 'evals')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses to save, as the set of this family, a text that names another family', async () => {
    const file = await world.services.handlers['evals.readSet']({ family: FAMILY });
    const error = await failure(world.services.handlers['evals.saveSet']({ family: FAMILY, text: file.text.replace('family: support-bot', 'family: other-bot'), baseSha256: file.sha256 }));
    expect(error.kind).toBe('validation');
    expect(error.issues?.[0]?.path).toBe('text');
    expect(error.message).toContain('family: other-bot');
    expect(onDisk(SET_PATH)).toBe(PROMPT_SET);
  });

  it('keeps a set with problems, reporting them positioned', async () => {
    const file = await world.services.handlers['evals.readSet']({ family: FAMILY });
    const broken = file.text.replace('      - valid_json: true', '      - valid_json: maybe');
    const saved = await world.services.handlers['evals.saveSet']({ family: FAMILY, text: broken, baseSha256: file.sha256 });
    expect(saved.set).toBeNull();
    expect(saved.problems[0]?.line).toBe(16);
    expect(onDisk(SET_PATH)).toBe(broken);
    const error = await failure(world.services.handlers['evals.start']({ family: FAMILY, models: ['support-bot-v1'] }));
    expect(error.kind).toBe('validation');
    expect(error.message).toContain('evals/support-bot.yaml has 1 problem(s) (line 16');
  });

  it('starts a new set from the template, never over an existing file', async () => {
    const made = await world.services.handlers['evals.newSet']({ family: 'team/helper', from: { kind: 'template' } });
    expect(made.path).toBe('evals/team_helper.yaml');
    expect(made.problems).toEqual([]);
    expect(made.set?.family).toBe('team/helper');
    expect(onDisk('evals/team_helper.yaml')).toBe(made.text);

    const again = await failure(world.services.handlers['evals.newSet']({ family: 'team/helper', from: { kind: 'template' } }));
    expect(again.kind).toBe('conflict');
    expect(onDisk('evals/team_helper.yaml')).toBe(made.text);
    // `team:helper` shares the file name, but the file says it belongs to `team/helper`.
    const other = await failure(world.services.handlers['evals.readSet']({ family: 'team:helper' }));
    expect(other.kind).toBe('conflict');
    expect(other.message).toContain('is the prompt set of "team/helper", not of "team:helper"');
  });

  it('starts a new set from chosen chat conversations', async () => {
    const conversation: Conversation = {
      id: 'conv-1',
      title: 'Opening hours',
      createdAt: '2026-12-01T10:00:00.000Z',
      updatedAt: '2026-12-01T10:01:00.000Z',
      model: 'support-bot-v1',
      compareModel: null,
      settings: { systemPrompt: null, temperature: null, numCtx: null },
      messages: [
        { id: 'm1', role: 'user', content: 'When do you open?', createdAt: '2026-12-01T10:00:00.000Z', model: null, lane: null, state: 'complete', error: null, timings: null },
        { id: 'm2', role: 'assistant', content: 'At nine.', createdAt: '2026-12-01T10:00:01.000Z', model: 'support-bot-v1', lane: 'a', state: 'complete', error: null, timings: null },
      ],
    };
    fs.mkdirSync(path.join(world.dataDir, 'conversations'), { recursive: true });
    fs.writeFileSync(path.join(world.dataDir, 'conversations', 'conv-1.json'), JSON.stringify({ format: 1, ...conversation }));
    const made = await world.services.handlers['evals.newSet']({ family: 'support-bot-next', from: { kind: 'conversations', conversationIds: ['conv-1'] } });
    expect(made.set?.cases.map((c) => c.prompt)).toEqual(['When do you open?']);
    const missing = await failure(world.services.handlers['evals.newSet']({ family: 'other', from: { kind: 'conversations', conversationIds: ['nope'] } }));
    expect(missing.kind).toBe('not_found');
    expect(fs.existsSync(path.join(world.ws, 'evals', 'other.yaml'))).toBe(false);
  });

  it('says when a family has no set, and refuses an evals folder that leads outside the workspace', async () => {
    const none = await failure(world.services.handlers['evals.readSet']({ family: 'nobody' }));
    expect(none.kind).toBe('not_found');
    expect(none.message).toContain('evals/nobody.yaml');

    const outside = fs.mkdtempSync(path.join(path.dirname(world.ws), 'mw-evals-outside-'));
    try {
      fs.rmSync(path.join(world.ws, 'evals'), { recursive: true });
      fs.symlinkSync(outside, path.join(world.ws, 'evals'));
      const error = await failure(world.services.handlers['evals.newSet']({ family: FAMILY, from: { kind: 'template' } }));
      expect(error.kind).toBe('validation');
      expect(error.message).toMatch(/outside the workspace through a symbolic link/);
      expect(fs.readdirSync(outside)).toEqual([]);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });
});
