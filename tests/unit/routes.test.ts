import { describe, expect, it } from 'vitest';
import { formatRoute, HOME, parseRoute, type Route } from '../../src/renderer/src/router/routes';

describe('hash routes', () => {
  const cases: [Route, string][] = [
    [HOME, '#/models'],
    [{ page: 'models', model: { name: 'peteollama:property-manager-v1', tab: 'overview' } }, '#/models/peteollama:property-manager-v1'],
    [{ page: 'models', model: { name: 'team/helper-v2:latest', tab: 'modelfile' } }, '#/models/team%2Fhelper-v2:latest/modelfile'],
    [{ page: 'models', model: { name: 'm', tab: 'versions' } }, '#/models/m/versions'],
    [{ page: 'models', model: { name: 'm', tab: 'history' } }, '#/models/m/history'],
    [{ page: 'base-models' }, '#/base-models'],
    [{ page: 'hosts' }, '#/hosts'],
    [{ page: 'chat', conversation: null }, '#/chat'],
    [{ page: 'chat', conversation: 'c-123' }, '#/chat/c-123'],
    [{ page: 'evals', family: null, runId: null }, '#/evals'],
    [{ page: 'evals', family: 'peteollama:property-manager', runId: null }, '#/evals/peteollama:property-manager'],
    [{ page: 'evals', family: 'team/helper', runId: '2026-12-03T13-45-12-123Z-3f9a' }, '#/evals/team%2Fhelper/runs/2026-12-03T13-45-12-123Z-3f9a'],
    [{ page: 'jobs' }, '#/jobs'],
    [{ page: 'settings' }, '#/settings'],
  ];

  it.each(cases)('%j is written as %s and read back', (route, hash) => {
    expect(formatRoute(route)).toBe(hash);
    expect(parseRoute(hash)).toEqual(route);
  });

  it('reads a namespaced name even when the browser encoded the colon', () => {
    expect(parseRoute('#/models/team%2Fhelper%3Av2/modelfile')).toEqual({ page: 'models', model: { name: 'team/helper:v2', tab: 'modelfile' } });
  });

  it.each(['', '#', '#/', '#/nowhere', '#/models/m/unknown-tab', '#/models/%E0%A4%A', '#/jobs/extra', '#/models/m/modelfile/more'])(
    'leads an address it does not know (%s) to the models list',
    (hash) => {
      expect(parseRoute(hash)).toEqual(HOME);
    },
  );

  it('ignores a query after the route', () => {
    expect(parseRoute('#/jobs?x=1')).toEqual({ page: 'jobs' });
  });

  it.each(['#/evals/fam/extra', '#/evals/fam/runs', '#/evals/fam/runs/r/more', '#/evals/%E0%A4%A'])('leads a malformed evaluation address (%s) to the list of families or the family', (hash) => {
    const route = parseRoute(hash);
    expect(route.page).toBe('evals');
    if (route.page === 'evals') expect(route.runId).toBeNull();
  });

  it('reads a family whose colon the browser encoded', () => {
    expect(parseRoute('#/evals/team%2Fhelper%3Abot/runs/r1')).toEqual({ page: 'evals', family: 'team/helper:bot', runId: 'r1' });
  });
});
