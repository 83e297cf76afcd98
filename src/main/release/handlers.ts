import type { Handlers } from '../../shared/contract';
import type { ModelOpsDeps } from '../model-ops/deps';
import { releaseVersion, unreleaseAlias } from './release-version';

/** The contract calls of the release area. */
export function releaseHandlers(deps: ModelOpsDeps): Pick<Handlers, 'models.release' | 'models.unrelease'> {
  return {
    'models.release': async (input) => releaseVersion(deps, input),
    'models.unrelease': async ({ alias }) => unreleaseAlias(deps, alias),
  };
}
