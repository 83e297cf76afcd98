import { describe, expect, it } from 'vitest';
import { displayNameFromModelName, versionFromModelName } from '../../src/shared/adopt-defaults';
import {
  carryOver,
  carryOverBase,
  carryOverVersion,
  modelfilePathFor,
  modelfileSlug,
  proposeVersionName,
} from '../../src/shared/version-proposal';

const V1 = 'peteollama:property-manager-v1';
const V2 = 'peteollama:property-manager-v2';

describe('proposeVersionName', () => {
  it('proposes one above the highest version of the family, not above the source', () => {
    expect(proposeVersionName({ name: V1, version: 'v1' }, [V1, V2])).toEqual({ name: 'peteollama:property-manager-v3', version: 'v3', number: 3 });
  });

  it('skips over gaps to the highest taken version', () => {
    const taken = [V1, 'peteollama:property-manager-v4', 'peteollama:property-manager-v7'];
    expect(proposeVersionName({ name: V1, version: 'v1' }, taken).name).toBe('peteollama:property-manager-v8');
  });

  it('counts versions in any case as taken, and keeps the source family spelling', () => {
    const taken = ['My-Model-v1', 'my-model-V5'];
    expect(proposeVersionName({ name: 'My-Model-v1', version: 'v1' }, taken)).toMatchObject({ name: 'My-Model-v6', version: 'v6' });
  });

  it("counts Ollama's names with the default tag (x-v3:latest) as taken", () => {
    expect(proposeVersionName({ name: 'x-v1', version: '' }, ['x-v1', 'x-v3:latest']).name).toBe('x-v4');
  });

  it('ignores other families and names that merely start the same', () => {
    expect(proposeVersionName({ name: 'pm-v1', version: '' }, ['pm-v1', 'pm-extra-v9', 'pmv-v5']).name).toBe('pm-v2');
  });

  it('treats an unversioned model as v1 (or as its version field says)', () => {
    expect(proposeVersionName({ name: 'mymodel', version: '' }, ['mymodel']).name).toBe('mymodel-v2');
    expect(proposeVersionName({ name: 'mymodel', version: 'v4' }, ['mymodel']).name).toBe('mymodel-v5');
  });
});

describe('carrying the display name and description over', () => {
  it('updates the version token: "… v2" → "… v3"', () => {
    expect(carryOverVersion('PeteOllama Property Manager v2', 2, 3, 'display')).toBe('PeteOllama Property Manager v3');
    expect(carryOverVersion('Property management model v2 trained on qwen3', 2, 3, 'description')).toBe('Property management model v3 trained on qwen3');
  });

  it('keeps the case of the v and leaves tokens glued to other words alone', () => {
    expect(carryOverVersion('Manager V2', 2, 3, 'display')).toBe('Manager V3');
    expect(carryOverVersion('uses llamav2 and v2', 2, 3, 'description')).toBe('uses llamav2 and v3');
    expect(carryOverVersion('v20 notes', 2, 3, 'description')).toBe('v20 notes');
  });

  it('appends the version to a display name that has none; leaves such a description alone', () => {
    expect(carryOverVersion('Property Manager', 1, 2, 'display')).toBe('Property Manager v2');
    expect(carryOverVersion('Answers tenants', 1, 2, 'description')).toBe('Answers tenants');
    expect(carryOverVersion('', 1, 2, 'display')).toBe('');
  });

  it('names the new base where the description named the old one', () => {
    expect(carryOverBase('Property management model v3 trained on qwen3', 'qwen3:30b', 'llama3:latest')).toBe(
      'Property management model v3 trained on llama3',
    );
    expect(carryOverBase('Built on qwen3:30b.', 'qwen3:30b', 'llama3:8b')).toBe('Built on llama3:8b.');
    expect(carryOverBase('trained on qwen3', 'qwen3:30b', 'qwen3:30b')).toBe('trained on qwen3');
  });

  it('carries both over at once, as the dialog proposes them', () => {
    expect(
      carryOver({
        display_name: 'PeteOllama Property Manager v2',
        description: 'Property management model v2 trained on qwen3',
        fromVersion: 2,
        toVersion: 3,
        fromBase: 'qwen3:30b',
        toBase: 'llama3:latest',
      }),
    ).toEqual({ display_name: 'PeteOllama Property Manager v3', description: 'Property management model v3 trained on llama3' });
  });
});

describe('file names for new Modelfiles', () => {
  it('makes a file-name-safe slug of a model name', () => {
    expect(modelfileSlug('peteollama:property-manager-v3')).toBe('peteollama-property-manager-v3');
    expect(modelfileSlug('Team/My Model:7B-v2')).toBe('team-my-model-7b-v2');
    expect(modelfileSlug('::')).toBe('model');
  });

  it('puts the copy beside the source Modelfile, or in models/ when there is none', () => {
    expect(modelfilePathFor('pm-v3', 'models/Modelfile.enhanced')).toBe('models/Modelfile.pm-v3');
    expect(modelfilePathFor('pm-v3', 'custom/dir/Modelfile')).toBe('custom/dir/Modelfile.pm-v3');
    expect(modelfilePathFor('pm-v3', null)).toBe('models/Modelfile.pm-v3');
  });
});

describe('adoption defaults', () => {
  it('derives a readable display name and the version from the name', () => {
    expect(displayNameFromModelName('peteollama:property-manager-v3')).toBe('Peteollama Property Manager v3');
    expect(displayNameFromModelName('team/mistral-tuned:latest')).toBe('Mistral Tuned');
    expect(versionFromModelName('x-v3:latest')).toBe('v3');
    expect(versionFromModelName('llama3:latest')).toBe('');
  });
});
