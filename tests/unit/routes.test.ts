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
    [{ page: 'chat', conversation: null }, '#/chat'],
    [{ page: 'chat', conversation: 'c-123' }, '#/chat/c-123'],
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
});
