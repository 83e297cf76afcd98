import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { V1, startWorld, type World } from './create-fixtures';
import { send, startServer, type TestServer } from './http-fixtures';

let world: World | undefined;
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  await world?.close();
  server = undefined;
  world = undefined;
});

/** The request: a 12 KB body whose unknown key nests 2,000 levels deep. */
function deepBody(levels: number): string {
  return `{"description": "x", "extra": ${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}}`;
}

it('PUT /admin/models/{name} with a value nested 2,000 levels deep is refused naming the field; later writes work', async () => {
  world = await startWorld();
  server = await startServer({ handlers: world.services.handlers, bus: world.services.bus });
  const file = path.join(world.ws, 'model_settings.json');
  const before = fs.readFileSync(file, 'utf8');

  const res = await send(server, { method: 'PUT', path: `/admin/models/${V1}`, body: deepBody(2000), headers: { 'content-type': 'application/json' } });
  expect(res.status).toBe(422);
  expect(res.text).toContain(`models[\\"${V1}\\"].extra`);
  expect(res.text).toMatch(/deeper than 32 levels/);
  expect(fs.readFileSync(file, 'utf8')).toBe(before);

  const add = await send(server, {
    method: 'POST',
    path: '/admin/models/add',
    body: { name: 'me/after:v1', display_name: 'After', modelfile: 'models/Modelfile.enhanced', huge: 'x'.repeat(70 * 1024) },
  });
  expect(add.status).toBe(422);
  expect(add.text).toMatch(/models\[\\"me\/after:v1\\"\]: is \d+ KiB as JSON; one entry may have at most 64 KiB/);

  const ok = await send(server, { method: 'PUT', path: `/admin/models/${V1}`, body: { description: 'fine' } });
  expect(ok.status).toBe(200);
  expect(JSON.parse(fs.readFileSync(file, 'utf8')).models[V1].description).toBe('fine');
});
