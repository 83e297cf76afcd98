import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/shared/deploy/canonical-json';
import type { DesiredBuild, HostState } from '../../../src/shared/deploy/model-state';
import { modelStateOnHost } from '../../../src/shared/deploy/model-state';
import { planDeployment } from '../../../src/shared/deploy/plan-deployment';
import type { Plan } from '../../../src/shared/deploy/plan-schema';
import { modelKey } from '../../../src/shared/model-name';
import type { ModelEntry, Registry } from '../../../src/shared/registry';

const NOW = '2026-12-03T12:00:00.000Z';
const sha = (c: string) => c.repeat(64);
const HASH = sha('a');
const OLD_HASH = sha('b');
const MODELFILE_SHA = sha('c');

function entry(name: string, fields: Partial<ModelEntry> = {}): ModelEntry {
  return { name, display_name: name, description: '', version: '', base_model: '', modelfile: `models/${name}`, show_in_ui: true, auto_preload: false, status: 'pending', ...fields };
}

function registry(models: ModelEntry[], deployments: Registry['deployments'] = undefined, base: string[] = []): Registry {
  return {
    default_model: null,
    models: Object.fromEntries(models.map((m) => [m.name, m])),
    base_models: Object.fromEntries(base.map((b) => [b, { display_name: b, description: '', status: 'available' as const }])),
    ...(deployments ? { deployments } : {}),
  };
}

function host(name: string, models: { name: string; digest: string }[] | null, fields: Partial<HostState> = {}): HostState {
  return { name, primary: false, online: models !== null, message: models === null ? `${name} does not answer.` : null, models, running: [], ...fields };
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ model: 'm', from: 'x', parameters: { top_k: 1, stop: ['a', 'b'] }, files: { 'b.gguf': 'd2', 'a.gguf': 'd1' } })).toBe(
      '{"files":{"a.gguf":"d1","b.gguf":"d2"},"from":"x","model":"m","parameters":{"stop":["a","b"],"top_k":1}}',
    );
  });
  it('sorts integer-like keys as text, unlike JSON.stringify', () => {
    expect(canonicalJson({ '9': 1, '10': 2 })).toBe('{"10":2,"9":1}');
  });
  it('is the same for the same request built in another key order', () => {
    expect(canonicalJson({ a: 1, b: { c: [1, { e: 1, d: 2 }] } })).toBe(canonicalJson({ b: { c: [1, { d: 2, e: 1 }] }, a: 1 }));
  });
});

// ---------- every combination of registry state × host state ----------

type HostCase = 'offline' | 'absent' | 'present-as-recorded' | 'present-changed';
type RecordCase = 'none' | 'current' | 'old';
type DesiredCase = 'ok' | 'blocked';
type Expected = 'offline' | 'blocked' | 'missing' | 'available' | 'outdated' | 'unverified';

/** host × record → state, on a non-primary host, when the model can be built. */
const TABLE: Record<HostCase, Record<RecordCase, Expected>> = {
  offline: { none: 'offline', current: 'offline', old: 'offline' },
  absent: { none: 'missing', current: 'missing', old: 'missing' },
  'present-as-recorded': { none: 'unverified', current: 'available', old: 'outdated' },
  'present-changed': { none: 'unverified', current: 'unverified', old: 'unverified' },
};
/** On the primary, a model built before deployments were recorded, whose build provenance still matches, is available. */
const PRIMARY_OVERRIDES: Partial<Record<`${HostCase}/${RecordCase}`, Expected>> = { 'present-as-recorded/none': 'available' };
const ACTION: Record<Expected, string | null> = { offline: null, blocked: null, available: null, missing: 'create:missing', outdated: 'create:outdated', unverified: 'create:unverified' };

describe('planDeployment and modelStateOnHost over every registry state × host state', () => {
  const hostCases: HostCase[] = ['offline', 'absent', 'present-as-recorded', 'present-changed'];
  const recordCases: RecordCase[] = ['none', 'current', 'old'];
  for (const primary of [false, true]) {
    for (const desiredCase of ['ok', 'blocked'] as DesiredCase[]) {
      for (const hostCase of hostCases) {
        for (const recordCase of recordCases) {
          let expected: Expected = PRIMARY_OVERRIDES[`${hostCase}/${recordCase}`] && primary ? PRIMARY_OVERRIDES[`${hostCase}/${recordCase}`]! : TABLE[hostCase][recordCase];
          if (desiredCase === 'blocked' && expected !== 'offline') expected = 'blocked';
          it(`${primary ? 'primary' : 'other host'}, ${desiredCase}, host ${hostCase}, record ${recordCase} → ${expected}`, () => {
            const record = recordCase === 'none' ? undefined : { request_sha256: recordCase === 'current' ? HASH : OLD_HASH, digest: 'sha256:d1', deployed_at: NOW };
            const models = hostCase === 'offline' ? null : hostCase === 'absent' ? [] : [{ name: 'bot-v1:latest', digest: hostCase === 'present-as-recorded' ? 'd1' : 'd2' }];
            const h = host(primary ? 'local' : 'gpu', models, { primary });
            const desired: DesiredBuild = desiredCase === 'ok' ? { ok: true, requestSha256: HASH, from: null } : { ok: false, reason: 'line 1: no FROM line' };
            const build = { modelfile_sha256: MODELFILE_SHA, digest: 'sha256:d1', built_at: NOW };
            const reg = registry([entry('bot-v1', { build })], record ? { [h.name]: { 'bot-v1': record } } : undefined);
            const cell = modelStateOnHost({ name: 'bot-v1', host: h, record, desired, primaryBuild: primary ? { build, modelfileSha256: MODELFILE_SHA } : null });
            expect(cell.state).toBe(expected);

            const plan = planDeployment({ registry: reg, desired: new Map([['bot-v1', desired]]), hosts: [h], prune: true, createdAt: NOW, modelfileSha256: () => MODELFILE_SHA });
            const actions = plan.hosts[0]!.actions.map((a) => (a.kind === 'create' ? `create:${a.reason}` : a.kind));
            expect(actions).toEqual(ACTION[expected] ? [ACTION[expected]] : []);
            expect(plan.changes).toBe(actions.length);
            expect(plan.hosts[0]!.online).toBe(hostCase !== 'offline');
            if (expected === 'blocked') expect(plan.hosts[0]!.skipped).toEqual([{ model: 'bot-v1', reason: 'line 1: no FROM line' }]);
          });
        }
      }
    }
  }

  it('a primary build whose Modelfile changed since is outdated, as the card says', () => {
    const build = { modelfile_sha256: MODELFILE_SHA, digest: 'd1', built_at: NOW };
    const cell = modelStateOnHost({
      name: 'bot-v1',
      host: host('local', [{ name: 'bot-v1:latest', digest: 'd1' }], { primary: true }),
      record: undefined,
      desired: { ok: true, requestSha256: HASH, from: null },
      primaryBuild: { build, modelfileSha256: sha('e') },
    });
    expect(cell.state).toBe('outdated');
  });

  it('a primary model with no build recorded is what the registry says (available), and is not rebuilt', () => {
    const input = {
      name: 'bot-v1',
      host: host('local', [{ name: 'bot-v1:latest', digest: 'd1' }], { primary: true }),
      record: undefined,
      desired: { ok: true, requestSha256: HASH, from: null },
    } as const;
    expect(modelStateOnHost({ ...input, primaryBuild: { build: undefined, modelfileSha256: sha('e') } }).state).toBe('available');
    // The same listing on another host, with nothing recorded there, is not trusted.
    expect(modelStateOnHost({ ...input, host: host('gpu', [{ name: 'bot-v1:latest', digest: 'd1' }]), primaryBuild: null }).state).toBe('unverified');
  });

  it('a primary build whose digest changed on the host is unverified', () => {
    const build = { modelfile_sha256: MODELFILE_SHA, digest: 'd0', built_at: NOW };
    const cell = modelStateOnHost({
      name: 'bot-v1',
      host: host('local', [{ name: 'bot-v1:latest', digest: 'd1' }], { primary: true }),
      record: undefined,
      desired: { ok: true, requestSha256: HASH, from: null },
      primaryBuild: { build, modelfileSha256: MODELFILE_SHA },
    });
    expect(cell.state).toBe('unverified');
  });
});

describe('modelStateOnHost with a deploy job', () => {
  const h = host('gpu', []);
  const desired: DesiredBuild = { ok: true, requestSha256: HASH, from: null };
  it('shows a queued or running job, with its percent while building', () => {
    expect(modelStateOnHost({ name: 'm', host: h, record: undefined, desired, job: { id: 'j', state: 'queued', percent: null, error: null, endedAt: null } }).state).toBe('queued');
    const building = modelStateOnHost({ name: 'm', host: h, record: undefined, desired, job: { id: 'j', state: 'running', percent: 40, error: null, endedAt: null } });
    expect(building).toMatchObject({ state: 'building', percent: 40, jobId: 'j' });
  });
  it('shows the last failure with its reason, unless the model is available', () => {
    const job = { id: 'j', state: 'failed' as const, percent: null, error: 'pull model manifest: file does not exist', endedAt: NOW };
    expect(modelStateOnHost({ name: 'm', host: h, record: undefined, desired, job })).toMatchObject({ state: 'failed', detail: job.error });
    const there = host('gpu', [{ name: 'm:latest', digest: 'd' }]);
    const record = { request_sha256: HASH, digest: 'd', deployed_at: '2026-12-04T00:00:00.000Z' };
    expect(modelStateOnHost({ name: 'm', host: there, record, desired, job }).state).toBe('available');
  });
});

describe('planDeployment: bases, order, preloads and prune', () => {
  const desiredFrom = (from: string | null, hash = HASH): DesiredBuild => ({ ok: true, requestSha256: hash, from });

  it('pulls a missing base once, before the creates that need it, and not a registry model', () => {
    const reg = registry([entry('a-v1'), entry('b-v1'), entry('c-v1')]);
    const desired = new Map<string, DesiredBuild>([
      ['c-v1', desiredFrom('a-v1')],
      ['a-v1', desiredFrom('llama3')],
      ['b-v1', desiredFrom('llama3:latest')],
    ]);
    const plan = planDeployment({ registry: reg, desired, hosts: [host('gpu', [])], prune: false, createdAt: NOW });
    expect(plan.hosts[0]!.actions.map((a) => `${a.kind} ${a.model}`)).toEqual(['pull llama3', 'create a-v1', 'create b-v1', 'create c-v1']);
  });

  it('creates a model built on another registry model after it, and skips it when that one cannot be built', () => {
    const reg = registry([entry('child-v1'), entry('parent-v1')]);
    const ok = planDeployment({ registry: reg, desired: new Map([['child-v1', desiredFrom('parent-v1')], ['parent-v1', desiredFrom(null)]]), hosts: [host('gpu', [])], prune: false, createdAt: NOW });
    expect(ok.hosts[0]!.actions.map((a) => a.model)).toEqual(['parent-v1', 'child-v1']);
    const blocked = planDeployment({
      registry: reg,
      desired: new Map<string, DesiredBuild>([['child-v1', desiredFrom('parent-v1')], ['parent-v1', { ok: false, reason: 'bad' }]]),
      hosts: [host('gpu', [])],
      prune: false,
      createdAt: NOW,
    });
    expect(blocked.hosts[0]!.actions).toEqual([]);
    expect(blocked.hosts[0]!.skipped.map((s) => s.model)).toEqual(['parent-v1', 'child-v1']);
  });

  it('preloads auto_preload models that are not loaded, including ones it creates', () => {
    const reg = registry([entry('a-v1', { auto_preload: true }), entry('b-v1', { auto_preload: true }), entry('c-v1', { auto_preload: true })], {
      gpu: { 'a-v1': { request_sha256: HASH, digest: 'da', deployed_at: NOW }, 'c-v1': { request_sha256: HASH, digest: 'dc', deployed_at: NOW } },
    });
    const h = host('gpu', [{ name: 'a-v1:latest', digest: 'da' }, { name: 'c-v1:latest', digest: 'dc' }], { running: ['c-v1:latest'] });
    const desired = new Map(['a-v1', 'b-v1', 'c-v1'].map((n) => [n, desiredFrom(null)] as const));
    const plan = planDeployment({ registry: reg, desired, hosts: [h], prune: false, createdAt: NOW });
    expect(plan.hosts[0]!.actions.map((a) => `${a.kind} ${a.model}`)).toEqual(['create b-v1', 'preload a-v1', 'preload b-v1']);
  });

  it('removes only with prune, only recorded models the registry no longer lists, never a base model or a stranger', () => {
    const rec = { request_sha256: HASH, digest: 'd', deployed_at: NOW };
    const reg = registry([entry('kept-v1')], { gpu: { 'kept-v1': rec, 'gone-v1': rec, 'llama3': rec, 'absent-v1': rec } }, ['llama3:latest']);
    const h = host('gpu', ['kept-v1', 'gone-v1', 'llama3', 'stranger-v1'].map((name) => ({ name: `${name}:latest`, digest: 'd' })));
    const desired = new Map([['kept-v1', desiredFrom(null)]]);
    expect(planDeployment({ registry: reg, desired, hosts: [h], prune: false, createdAt: NOW }).changes).toBe(0);
    const pruned = planDeployment({ registry: reg, desired, hosts: [h], prune: true, createdAt: NOW });
    expect(pruned.hosts[0]!.actions).toEqual([{ kind: 'remove', model: 'gone-v1' }]);
  });

  it('an offline host gets its message and no actions; the others are planned', () => {
    const reg = registry([entry('a-v1')]);
    const plan = planDeployment({ registry: reg, desired: new Map([['a-v1', desiredFrom(null)]]), hosts: [host('down', null), host('up', [])], prune: true, createdAt: NOW });
    expect(plan.hosts[0]).toMatchObject({ host: 'down', online: false, message: 'down does not answer.', actions: [] });
    expect(plan.hosts[1]!.actions).toHaveLength(1);
    expect(plan.changes).toBe(1);
  });
});

// ---------- properties ----------

const NAMES = ['a-v1', 'a-v2', 'b-v1', 'c-v1', 'llama3', 'qwen3'];

const worldArb = fc.record({
  inRegistry: fc.subarray(NAMES.slice(0, 4)),
  blocked: fc.subarray(NAMES.slice(0, 4)),
  preload: fc.subarray(NAMES.slice(0, 4)),
  from: fc.array(fc.constantFrom<string | null>(null, 'llama3', 'qwen3', 'a-v1'), { minLength: 4, maxLength: 4 }),
  prune: fc.boolean(),
  hosts: fc.array(
    fc.record({
      online: fc.boolean(),
      primary: fc.boolean(),
      present: fc.subarray(NAMES),
      changed: fc.subarray(NAMES),
      recorded: fc.subarray(NAMES),
      oldRecord: fc.subarray(NAMES),
      running: fc.subarray(NAMES),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});

type World = typeof worldArb extends fc.Arbitrary<infer T> ? T : never;

function build(world: World) {
  const models = world.inRegistry.map((name) => entry(name, { auto_preload: world.preload.includes(name) }));
  const deployments: NonNullable<Registry['deployments']> = {};
  const hosts: HostState[] = world.hosts.map((h, i) => {
    const name = `h${i}`;
    deployments[name] = Object.fromEntries(h.recorded.map((m) => [m, { request_sha256: h.oldRecord.includes(m) ? OLD_HASH : HASH, digest: `d-${m}`, deployed_at: NOW }]));
    const present = h.present.map((m) => ({ name: `${m}:latest`, digest: h.changed.includes(m) ? `x-${m}` : `d-${m}` }));
    return { name, primary: h.primary && i === 0, online: h.online, message: h.online ? null : 'offline', models: h.online ? present : null, running: h.running.map((m) => `${m}:latest`) };
  });
  const desired = new Map<string, DesiredBuild>(
    world.inRegistry.map((name) => [name, world.blocked.includes(name) ? { ok: false, reason: 'bad' } : { ok: true, requestSha256: HASH, from: world.from[NAMES.indexOf(name)] ?? null }]),
  );
  return { registry: registry(models, deployments, ['qwen3']), hosts, desired };
}

/** What apply would leave behind if every action succeeded. */
function applied(reg: Registry, hosts: HostState[], plan: Plan): { registry: Registry; hosts: HostState[] } {
  const deployments = structuredClone(reg.deployments ?? {});
  const next = hosts.map((h) => {
    const hostPlan = plan.hosts.find((p) => p.host === h.name)!;
    let models = [...(h.models ?? [])];
    let running = [...(h.running ?? [])];
    const records = (deployments[h.name] ??= {});
    const drop = (name: string) => (models = models.filter((m) => modelKey(m.name) !== modelKey(name)));
    for (const action of hostPlan.actions) {
      if (action.kind === 'pull') models.push({ name: action.model, digest: `p-${action.model}` });
      if (action.kind === 'create') {
        drop(action.model);
        models.push({ name: action.model, digest: `new-${action.model}-${h.name}` });
        records[action.model] = { request_sha256: action.requestSha256, digest: `new-${action.model}-${h.name}`, deployed_at: NOW };
      }
      if (action.kind === 'preload') running.push(action.model);
      if (action.kind === 'remove') {
        drop(action.model);
        running = running.filter((m) => modelKey(m) !== modelKey(action.model));
        delete records[action.model];
      }
    }
    return { ...h, models: h.models === null ? null : models, running };
  });
  return { registry: { ...reg, deployments }, hosts: next };
}

describe('planDeployment properties', () => {
  it('never removes a model not recorded on that host, never acts on an offline host, and applying it leaves 0 changes', () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        const { registry: reg, hosts, desired } = build(world);
        const plan = planDeployment({ registry: reg, desired, hosts, prune: world.prune, createdAt: NOW });
        for (const hostPlan of plan.hosts) {
          const h = hosts.find((x) => x.name === hostPlan.host)!;
          if (!h.online) expect(hostPlan.actions).toEqual([]);
          for (const action of hostPlan.actions) {
            if (action.kind !== 'remove') continue;
            expect(world.prune).toBe(true);
            expect(Object.keys(reg.deployments?.[h.name] ?? {})).toContain(action.model);
            expect(world.inRegistry).not.toContain(action.model);
          }
          // Never a model the registry does not own: creates are registry models, removes recorded ones.
          for (const action of hostPlan.actions.filter((a) => a.kind === 'create' || a.kind === 'preload')) expect(world.inRegistry).toContain(action.model);
        }
        const after = applied(reg, hosts, plan);
        const again = planDeployment({ registry: after.registry, desired, hosts: after.hosts, prune: world.prune, createdAt: NOW });
        expect(again.changes).toBe(0);
      }),
      { numRuns: 400 },
    );
  });
});
