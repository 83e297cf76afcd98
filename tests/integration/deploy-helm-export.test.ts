import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exportHelmValues } from '../../src/main/cli/helm-export';
import { openWorkspaceSession, type WorkspaceSession } from '../../src/main/services/workspace-session';
import { EventBus } from '../../src/main/events';
import { confEngines } from '../../src/main/services/engines';
import { createOllamaGateway } from '../../src/main/ollama/gateway';
import { TEMPLATE_DIR, V1, V2 } from './create-fixtures';

/** `export --helm` on the example workspace: the committed example values file is exactly its output. */

const EXAMPLE = path.resolve(import.meta.dirname, '..', '..', 'docs', 'helm-values.example.yaml');
let ws: string;
let session: WorkspaceSession;

beforeEach(() => {
  ws = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-helm-ws-'));
  fs.cpSync(TEMPLATE_DIR, ws, { recursive: true });
  session = openWorkspaceSession({ dir: ws, templateDir: TEMPLATE_DIR, engine: confEngines.registry, bus: new EventBus(), gateway: () => createOllamaGateway('http://127.0.0.1:9'), syncIntervalMs: null });
});

afterEach(() => {
  session.close();
  fs.rmSync(ws, { recursive: true, force: true });
});

describe('modelwright export --helm', () => {
  it('writes the example workspace as chart values to --out, the Modelfiles inline, matching docs/helm-values.example.yaml', async () => {
    const out = path.join(ws, 'out', 'values.yaml');
    const { text, warnings } = await exportHelmValues(session, out);
    expect(warnings).toEqual([]);
    expect(fs.readFileSync(out, 'utf8')).toBe(text);
    const values = parse(text) as { ollama: { models: { pull: string[]; create: { name: string; template: string }[]; run: string[] } } };
    expect(values.ollama.models.pull).toEqual(['llama3:latest', 'qwen3:30b']);
    expect(values.ollama.models.create.map((c) => c.name)).toEqual([V1, V2]);
    expect(values.ollama.models.create[0]?.template).toBe(fs.readFileSync(path.join(ws, 'models', 'Modelfile.enhanced'), 'utf8'));
    expect(values.ollama.models.run).toEqual([V1]);
    expect(text.replace(ws, '<workspace>')).toBe(fs.readFileSync(EXAMPLE, 'utf8'));
  });
});
