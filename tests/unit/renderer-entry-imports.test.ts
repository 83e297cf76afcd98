import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/*
 * The page's first module sends the start-up requests; it can do that early only while it stays
 * small. This walks what it imports at run time (type-only imports vanish in the build; dynamic
 * imports are other chunks) and checks that zod, the contract, React and the UI stay out of it.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const ENTRY = resolve(ROOT, 'src/renderer/src/main.tsx');

function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const found: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      const typeOnly =
        clause?.isTypeOnly ||
        (clause && !clause.name && clause.namedBindings && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((e) => e.isTypeOnly));
      if (!typeOnly) found.push((statement.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      found.push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return found;
}

function resolveLocal(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  return ['', '.ts', '.tsx', '/index.ts', '/index.tsx'].map((ext) => base + ext).find((p) => existsSync(p) && !p.endsWith('/')) ?? null;
}

/** Every module the entry evaluates before anything else, and every package it pulls in. */
function entryGraph(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const specifier of runtimeImports(file)) {
      if (specifier.endsWith('.css')) continue;
      if (!specifier.startsWith('.')) {
        packages.add(specifier);
        continue;
      }
      const local = resolveLocal(file, specifier);
      if (!local) throw new Error(`${file}: cannot resolve ${specifier}`);
      visit(local);
    }
  };
  visit(entry);
  return { files: [...files].map((f) => relative(ROOT, f)), packages: [...packages] };
}

describe('the renderer entry (main.tsx)', () => {
  it('imports, at run time, neither zod nor the contract nor React nor the UI: only what sends the first requests', () => {
    const { files, packages } = entryGraph(ENTRY);
    // Fast Refresh's preamble is empty in a production build.
    expect(packages.filter((p) => p !== '@vitejs/plugin-react/preamble')).toEqual([]);
    expect(files.filter((f) => /shared\/contract|\/store\/|\/components\/|render-app|start-app/.test(f))).toEqual([]);
    expect(files).toContain('src/renderer/src/api/early-requests.ts');
  });
});
