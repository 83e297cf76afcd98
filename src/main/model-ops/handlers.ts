import type { Handlers } from '../../shared/contract';
import { adoptModel, proposeAdoption } from './adopt';
import { deleteModel } from './delete-model';
import type { ModelOpsDeps } from './deps';
import { createNewModel } from './new-model';
import { createNewVersion, proposeVersion } from './new-version';
import { renameModel } from './rename';

/** The contract calls of the model lifecycle section: new model, new version, rename, delete, adopt. */
export type ModelOpsHandlers = Pick<
  Handlers,
  'models.versionProposal' | 'models.newVersion' | 'models.new' | 'models.rename' | 'models.delete' | 'models.adoptProposal' | 'models.adopt'
>;

export function modelOpsHandlers(deps: ModelOpsDeps): ModelOpsHandlers {
  return {
    'models.versionProposal': async ({ name }) => proposeVersion(deps, name),
    'models.newVersion': async (input) => createNewVersion(deps, input),
    'models.new': async (input) => createNewModel(deps, input),
    'models.rename': async ({ name, newName }) => renameModel(deps, name, newName),
    'models.delete': async (input) => deleteModel(deps, input),
    'models.adoptProposal': async ({ name }) => proposeAdoption(deps, name),
    'models.adopt': async (input) => adoptModel(deps, input),
  };
}
