import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../src/shared/errors';
import { registrySchema, type Registry } from '../../src/shared/registry';
import { LLAMA3, PROPERTY_MANAGER_V1, QWEN3_30B } from '../support/fake-ollama/index';
import { startWorld, type World } from './create-fixtures';

/** Shared set-up for the lifecycle integration tests (not a test file). */

export { V1, V2 } from './create-fixtures';

/** The seed's world: Ollama has llama3 and property-manager-v1; the workspace is the example one. */
export function startSeedWorld(): Promise<World> {
  return startWorld({ models: [LLAMA3, PROPERTY_MANAGER_V1], library: [LLAMA3, QWEN3_30B] });
}

/** The registry as the file on disk has it, validated (so "consistent" means the schema holds). */
export function registryOnDisk(world: World): Registry {
  const text = fs.readFileSync(path.join(world.ws, 'model_settings.json'), 'utf8');
  return registrySchema.parse(JSON.parse(text));
}

export function modelfilesIn(world: World): string[] {
  return fs.readdirSync(path.join(world.ws, 'models')).sort();
}

export function readWorkspaceFile(world: World, rel: string): string {
  return fs.readFileSync(path.join(world.ws, rel), 'utf8');
}

/** Makes every later call of a gateway method run `after` once the real call succeeded. */
export function afterGatewayCall(world: World, method: 'copy' | 'delete', after: () => void): void {
  const gateway = world.services.gateway();
  const original = gateway[method].bind(gateway) as (...args: never[]) => Promise<void>;
  Object.assign(gateway, {
    [method]: async (...args: never[]) => {
      await original(...args);
      after();
    },
  });
}

/** Makes the registry file invalid, as an editor saving a half-typed file would. */
export function breakRegistryFile(world: World): void {
  fs.writeFileSync(path.join(world.ws, 'model_settings.json'), '{ "models": ');
}

/** The AppError a call failed with; a call that succeeds fails the test. */
export function failure(promise: Promise<unknown>): Promise<AppError> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => {
      if (!(error instanceof AppError)) throw error;
      return error;
    },
  );
}

export type { World };
