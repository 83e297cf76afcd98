import type { Handlers } from '../../shared/contract';
import type { ModelOpsDeps } from '../model-ops/deps';
import { releaseVersion } from './release-version';

/** The contract calls of the release area. */
export function releaseHandlers(deps: ModelOpsDeps): Pick<Handlers, 'models.release'> {
  return {
    'models.release': async (input) => releaseVersion(deps, input),
  };
}
