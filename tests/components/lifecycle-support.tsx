import { ModelOpsDialogs } from '../../src/renderer/src/components/lifecycle/ModelOpsDialogs';
import { ModelsPage } from '../../src/renderer/src/components/models/ModelsPage';
import type { AppState } from '../../src/renderer/src/store/app-state';
import type { ModelEntry } from '../../src/shared/registry';
import { FakeClient, type Handlers } from './support/fake-client';
import { model, modelfileDoc, ollamaModel, snapshot, syncState } from './support/fixtures';
import { renderWithStore } from './support/render';
// The detail mounts the Modelfile editor, which measures text with Range rects jsdom lacks.
import './support/editor';

/** Shared set-up for the lifecycle component tests (not a test file): the seed's two versions. */

export const V1 = 'peteollama:property-manager-v1';
export const V2 = 'peteollama:property-manager-v2';

export const seedModels: ModelEntry[] = [
  model(V1, {
    display_name: 'PeteOllama Property Manager v1',
    description: 'Property management model v1 trained on llama3',
    version: 'v1',
    base_model: 'llama3:latest',
    modelfile: 'models/Modelfile.enhanced',
    status: 'available',
    is_jamie_model: true,
  } as Partial<ModelEntry>),
  model(V2, {
    display_name: 'PeteOllama Property Manager v2',
    description: 'Property management model v2 trained on qwen3',
    version: 'v2',
    base_model: 'qwen3:30b',
    modelfile: 'models/Modelfile.qwen-enhanced',
    status: 'pending',
    is_jamie_model: true,
  } as Partial<ModelEntry>),
];

export const seedBases = {
  'llama3:latest': { display_name: 'Llama 3 (Latest)', description: '', size: '4.7 GB', status: 'available' as const },
  'qwen3:30b': { display_name: 'Qwen 3 (30B)', description: '', size: '18 GB', status: 'available' as const },
};

export const seedSync = syncState({
  ollamaModels: [ollamaModel('llama3:latest', { size: 4_661_224_676 }), ollamaModel(V1), ollamaModel('mistral:7b', { size: 4_100_000_000 })],
  discovered: [ollamaModel('mistral:7b', { size: 4_100_000_000 })],
});

/** The Models page and the lifecycle dialogs over the seed registry (v1 the default). */
export function renderLifecycle(state: Partial<AppState> = {}, handlers: Handlers = {}, models: ModelEntry[] = seedModels) {
  const client = new FakeClient({
    'modelfile.read': ({ path }) => modelfileDoc(path, 'FROM llama3:latest\n'),
    'modelfile.preview': () => ({ request: {}, uploads: [], errors: [], warnings: [] }),
    ...handlers,
  });
  return renderWithStore(
    <>
      <ModelsPage />
      <ModelOpsDialogs />
    </>,
    { snapshot: snapshot(models, { defaultModel: V1, baseModels: seedBases }), sync: seedSync, ...state },
    client,
  );
}
