import type { Cell, CellState, Matrix, Plan } from '../../../src/shared/deploy/plan-schema';
import type { HostView } from '../../../src/shared/hosts/host-config';
import type { ModelEntry } from '../../../src/shared/registry';
import { connection, model } from './fixtures';

/** Shared data for the hosts tests (not a test file): three hosts, one offline, and models in every state. */

export const OFFLINE_REASON = 'Ollama is not reachable at http://ci-runner:11434 (connection refused). Start it there with ollama serve.';

export function host(name: string, fields: Partial<HostView> = {}): HostView {
  const url = `http://${name === 'local' ? '127.0.0.1' : name}:11434`;
  return { name, url: name === 'local' ? null : url, effectiveUrl: url, primary: name === 'local', hasToken: false, connection: connection({ host: url, version: '0.12.6' }), ...fields };
}

export const HOSTS: HostView[] = [
  host('local'),
  host('gpu-box', { hasToken: true }),
  host('ci-runner', { connection: connection({ host: 'http://ci-runner:11434', status: 'offline', version: null, message: OFFLINE_REASON }) }),
];

export function cell(state: CellState, fields: Partial<Cell> = {}): Cell {
  const on = state === 'available' || state === 'outdated' || state === 'unverified';
  return { state, digest: on ? 'sha256:6a0746a1ec1aa3b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5' : null, deployedAt: on ? '2026-12-03T10:00:00.000Z' : null, jobId: null, percent: null, detail: null, ...fields };
}

export const MODELS: ModelEntry[] = [
  model('support-bot-v1', { display_name: 'Support Bot v1', version: 'v1' }),
  model('support-bot-v2', { display_name: 'Support Bot v2', version: 'v2' }),
  model('pm-v1', { display_name: 'Property Manager v1', version: 'v1' }),
  model('pm-v2', { display_name: 'Property Manager v2', version: 'v2' }),
  model('broken-v1', { display_name: 'Broken v1', version: 'v1' }),
];

const offline = cell('offline');

/** Every state appears on gpu-box; ci-runner is offline throughout. */
export const MATRIX: Matrix = {
  hosts: [
    { name: 'local', primary: true, status: 'online', message: null, checkedAt: '2026-12-03T10:00:00.000Z' },
    { name: 'gpu-box', primary: false, status: 'online', message: null, checkedAt: '2026-12-03T10:00:00.000Z' },
    { name: 'ci-runner', primary: false, status: 'offline', message: OFFLINE_REASON, checkedAt: '2026-12-03T10:00:00.000Z' },
  ],
  models: [
    { name: 'support-bot-v1', cells: { local: cell('available'), 'gpu-box': cell('available'), 'ci-runner': offline } },
    { name: 'support-bot-v2', cells: { local: cell('available'), 'gpu-box': cell('outdated', { detail: 'its Modelfile changed since it was built there' }), 'ci-runner': offline } },
    { name: 'pm-v1', cells: { local: cell('available'), 'gpu-box': cell('missing'), 'ci-runner': offline } },
    { name: 'pm-v2', cells: { local: cell('available'), 'gpu-box': cell('building', { jobId: 'job-b', percent: 42.7 }), 'ci-runner': offline } },
    { name: 'broken-v1', cells: { local: cell('failed', { detail: 'the last build failed: template: :1: unexpected "}" in operand' }), 'gpu-box': cell('blocked', { detail: 'its Modelfile has 2 problems' }), 'ci-runner': offline } },
  ],
  baseModels: [{ name: 'llama3:latest', cells: { local: cell('available'), 'gpu-box': cell('missing'), 'ci-runner': offline } }],
};

/** A matrix with the other states gpu-box did not show (unverified, queued). */
export const MORE_STATES: Matrix = {
  ...MATRIX,
  models: [
    { name: 'support-bot-v1', cells: { local: cell('available'), 'gpu-box': cell('unverified', { detail: 'on the host under this name, but not built there by Modelwright' }), 'ci-runner': offline } },
    { name: 'support-bot-v2', cells: { local: cell('available'), 'gpu-box': cell('queued', { jobId: 'job-q' }), 'ci-runner': offline } },
  ],
};

export const PLAN: Plan = {
  createdAt: '2026-12-03T10:01:00.000Z',
  prune: false,
  changes: 3,
  hosts: [
    { host: 'local', primary: true, online: true, message: null, actions: [], skipped: [{ model: 'broken-v1', reason: 'its Modelfile has 2 problems' }] },
    {
      host: 'gpu-box',
      primary: false,
      online: true,
      message: null,
      actions: [
        { kind: 'pull', model: 'llama3:latest', reason: 'pm-v1 is built on it' },
        { kind: 'create', model: 'support-bot-v2', reason: 'outdated', requestSha256: 'b'.repeat(64) },
        { kind: 'create', model: 'pm-v1', reason: 'missing', requestSha256: 'c'.repeat(64) },
      ],
      skipped: [{ model: 'broken-v1', reason: 'its Modelfile has 2 problems' }],
    },
    { host: 'ci-runner', primary: false, online: false, message: OFFLINE_REASON, actions: [], skipped: [] },
  ],
};

/** `count` models × the given hosts, all available: for the virtualization test. */
export function bigMatrix(count: number, hostNames: string[]): { models: ModelEntry[]; matrix: Matrix } {
  const names = Array.from({ length: count }, (_, i) => `model-${String(i).padStart(4, '0')}-v1`);
  return {
    models: names.map((name) => model(name)),
    matrix: {
      hosts: hostNames.map((name, i) => ({ name, primary: i === 0, status: 'online', message: null, checkedAt: null })),
      models: names.map((name) => ({ name, cells: Object.fromEntries(hostNames.map((h) => [h, cell('available')])) })),
      baseModels: [],
    },
  };
}
