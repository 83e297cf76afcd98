import { chmodSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/**
 * The renderer's entry starts the first API requests, then imports the rest (`start-app`). That import
 * is dynamic so the calls go out before the UI's code is compiled, but its chunks should still be
 * fetched at once, in parallel with the entry: this lists them as modulepreload links in the page.
 */
function preloadChunksOf(moduleSuffix: string): Plugin {
  return {
    name: 'modelwright:preload-dynamic-entry',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!bundle) return [];
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
        const root = chunks.find((c) => c.facadeModuleId?.endsWith(moduleSuffix));
        if (!root) throw new Error(`preloadChunksOf: no chunk for ${moduleSuffix}`);
        const files = new Set<string>();
        const visit = (fileName: string) => {
          if (files.has(fileName)) return;
          files.add(fileName);
          const chunk = chunks.find((c) => c.fileName === fileName);
          for (const imported of chunk?.imports ?? []) visit(imported);
        };
        visit(root.fileName);
        // The entry and what it imports statically are in the page already.
        return [...files].filter((file) => !html.includes(`/${file}"`)).map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

/**
 * The page's first script keeps or removes the server-rendered first page and applies the stored
 * theme; it must run before the first paint. Vite drops the `blocking` attribute from the entry's
 * tag, so it is put back here.
 */
function renderBlockingEntry(): Plugin {
  return {
    name: 'modelwright:render-blocking-entry',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const entry = /<script type="module" crossorigin src="[^"]+"><\/script>/;
        if (!entry.test(html)) throw new Error('renderBlockingEntry: no entry script in index.html');
        return html.replace(entry, (tag) => tag.replace('<script ', '<script blocking="render" '));
      },
    },
  };
}

/**
 * The server renders the first page (the Models list) from the renderer's components; the chat,
 * the editor, Evaluate and Hosts are never part of it, so the main build takes a stand-in for the
 * module that lazy-loads them, rather than carrying their code.
 */
function serverLazyParts(): Plugin {
  const real = resolve(import.meta.dirname, 'src/renderer/src/lazy-parts.ts');
  const standIn = resolve(import.meta.dirname, 'src/renderer/src/server/lazy-parts.server.ts');
  return {
    name: 'modelwright:server-lazy-parts',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!source.endsWith('lazy-parts')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === real ? standIn : null;
    },
  };
}

/** The command line (`out/main/cli.js`) runs as `modelwright` through package.json's `bin`: it must be executable. */
function executableEntry(fileName: string): Plugin {
  return {
    name: 'modelwright:executable-entry',
    apply: 'build',
    writeBundle(options, bundle) {
      if (options.dir && fileName in bundle) chmodSync(join(options.dir, fileName), 0o755);
    },
  };
}

export default defineConfig(({ mode }) => ({
  main: {
    plugins: [executableEntry('cli.js'), serverLazyParts()],
    // React (bundled for the server-rendered first page) picks its build from NODE_ENV at run time.
    define: { 'process.env.NODE_ENV': JSON.stringify(mode === 'development' ? 'development' : 'production') },
    build: {
      rollupOptions: {
        // Three entries build the same services: the Electron app, the headless server, the command line.
        input: {
          index: resolve(import.meta.dirname, 'src/main/index.ts'),
          serve: resolve(import.meta.dirname, 'src/main/serve.ts'),
          cli: resolve(import.meta.dirname, 'src/main/cli.ts'),
        },
        output: {
          banner: (chunk) => (chunk.isEntry && chunk.name === 'cli' ? '#!/usr/bin/env node' : ''),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require only electron: bundle everything else (zod, the contract).
      externalizeDeps: { exclude: ['zod'] },
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        // A sandboxed preload cannot be ESM: build it as CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src/renderer'),
    plugins: [react(), preloadChunksOf('/src/start-app.ts'), renderBlockingEntry()],
    build: {
      // electron-vite leaves the renderer unminified by default; the headless UI is served over HTTP.
      minify: true,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src/renderer/index.html') },
      },
    },
  },
}));
