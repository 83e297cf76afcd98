import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { V1, V2, entryOf, startWorld, type World } from './create-fixtures';
import { send, startServer, type TestServer } from './http-fixtures';

let world: World | undefined;
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  await world?.close();
  server = undefined;
  world = undefined;
});

async function setup(): Promise<{ world: World; server: TestServer }> {
  world = await startWorld();
  server = await startServer({ handlers: world.services.handlers, bus: world.services.bus });
  return { world, server };
}

describe('POST /admin/models/create/{name}', () => {
  it('builds the model and answers like the seed when it is done', async () => {
    const { world, server } = await setup();
    const res = await send(server, { method: 'POST', path: `/admin/models/create/${V2}` });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ status: 'success', message: `Model ${V2} created successfully` });
    expect(world.fake.hasModel(V2)).toBe(true);
    expect(world.fake.createRequestOf(V2)).not.toHaveProperty('modelfile');
    expect(entryOf(world, V2)?.status).toBe('available');
  });

  it('answers 400 with the reason when the build fails', async () => {
    const { world, server } = await setup();
    fs.writeFileSync(path.join(world.ws, 'models', 'Modelfile.enhanced'), 'FROM llama3\nPARAMETER temprature 1\n');
    const res = await send(server, { method: 'POST', path: `/admin/models/create/${V1}` });
    expect(res.status).toBe(400);
    const detail = (res.json() as { detail: string }).detail;
    expect(detail).toMatch(new RegExp(`^Failed to create model ${V1}: `));
    expect(detail).toContain("line 2, column 11: unknown parameter 'temprature'");
  });

  it("answers 400 with Ollama's message when Ollama fails", async () => {
    const { world, server } = await setup();
    world.fake.removeFromLibrary('qwen3:30b');
    const res = await send(server, { method: 'POST', path: `/admin/models/create/${V2}` });
    expect(res.status).toBe(400);
    expect((res.json() as { detail: string }).detail).toContain('pull model manifest: file does not exist');
  });

  it('answers 404 for a name the registry does not have', async () => {
    const { server } = await setup();
    const res = await send(server, { method: 'POST', path: '/admin/models/create/nope:v9' });
    expect(res.status).toBe(404);
    expect(res.json()).toEqual({ detail: 'Model nope:v9 not found' });
  });

  it('with ?wait=false answers 202 with the job id at once', async () => {
    const { world, server } = await setup();
    const res = await send(server, { method: 'POST', path: `/admin/models/create/${V1}?wait=false` });
    expect(res.status).toBe(202);
    const body = res.json() as { status: string; job_id: string };
    expect(body.status).toBe('accepted');
    const job = await world.services.jobs.whenDone(body.job_id);
    expect(job).toMatchObject({ target: V1, state: 'succeeded' });
  });

  it('needs the token', async () => {
    const { world, server } = await setup();
    const res = await send(server, { method: 'POST', path: `/admin/models/create/${V1}`, auth: false });
    expect(res.status).toBe(401);
    expect(world.fake.requestsTo('/api/create')).toHaveLength(0);
  });
});
