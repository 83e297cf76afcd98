import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';

/**
 * `npm run lint:electron`: Doyensec's electronegativity over src/, with the project's Electron
 * version, failing on any HIGH or MEDIUM finding that electronegativity-reviewed.json does not list
 * with a reason. Offline and fast: the translations come from the package itself instead of its
 * download, and the one check that fetches Electron's release list (available security fixes) is
 * left out; keeping Electron current is the dependency update's job.
 */

const ROOT = resolve(import.meta.dirname, '..');
const REVIEWED_FILE = join(ROOT, 'electronegativity-reviewed.json');
const require = createRequire(import.meta.url);

const reviewedSchema = z.array(
  z.strictObject({
    /** The check's id, e.g. SANDBOX_JS_CHECK. */
    id: z.string().min(1),
    /** Relative to src/, as electronegativity reports it. */
    file: z.string().min(1),
    reason: z.string().min(20, 'say why this finding is safe (at least a sentence)'),
  }),
);
type Reviewed = z.infer<typeof reviewedSchema>[number];

interface Issue {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: { value: number; name: string };
  confidence: { name: string };
  description: string;
}

/**
 * Registers the `__` translation function the runner expects, from the bundled English strings,
 * and stands in for the package's loader of them, which first tries to download newer ones.
 */
function useBundledTranslations(): void {
  const i18n = require('i18n') as { configure(options: object): void; setLocale(locale: string): void };
  i18n.configure({
    locales: ['en-US'],
    defaultLocale: 'en-US',
    directory: dirname(require.resolve('@doyensec/electronegativity/dist/locales/en-US.json')),
    updateFiles: false,
    objectNotation: true,
    retryInDefaultLocale: true,
    register: globalThis,
  });
  i18n.setLocale('en-US');
  const loader = require.resolve('@doyensec/electronegativity/dist/locales/i18n.js');
  const offline = async (): Promise<void> => undefined;
  require.cache[loader] = { id: loader, filename: loader, loaded: true, exports: offline } as unknown as NodeJS.Module;
}

function electronVersion(): string {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

export function unreviewed(issues: Issue[], reviewed: Reviewed[]): Issue[] {
  return issues.filter((issue) => issue.severity.value >= 2 && !reviewed.some((r) => r.id === issue.id && r.file === issue.file));
}

async function main(): Promise<void> {
  const reviewed = reviewedSchema.parse(JSON.parse(readFileSync(REVIEWED_FILE, 'utf8')));
  useBundledTranslations();
  const run = require('@doyensec/electronegativity') as (options: object, forCli: boolean) => Promise<{ issues: Issue[]; errors: { file: string; message: string; tolerable: boolean }[] }>;
  const version = electronVersion();
  const started = Date.now();
  const result = await run(
    {
      input: join(ROOT, 'src'),
      output: undefined,
      isSarif: false,
      customScan: [],
      excludeFromScan: ['availablesecurityfixesglobalcheck'],
      severitySet: undefined,
      confidenceSet: undefined,
      isRelative: true,
      isVerbose: false,
      electronUpgrade: undefined,
      electronVersionOverride: version,
      parserPlugins: [],
    },
    false,
  );

  const failures = unreviewed(result.issues, reviewed);
  const unparsed = result.errors.filter((error) => !error.tolerable);
  const stale = reviewed.filter((r) => !result.issues.some((issue) => issue.id === r.id && issue.file === r.file));
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`electronegativity (Electron ${version}): ${result.issues.length} findings, ${failures.length} HIGH/MEDIUM not reviewed, in ${seconds} s`);
  for (const r of stale) console.warn(`  note: reviewed finding no longer reported, remove it from electronegativity-reviewed.json: ${r.id} in ${r.file}`);
  for (const error of unparsed) console.error(`  could not parse ${error.file}: ${error.message}`);
  for (const issue of failures) {
    console.error(`  ${issue.severity.name} ${issue.id} at ${issue.file}:${issue.location.line}:${issue.location.column} (${issue.confidence.name})`);
    console.error(`    ${issue.description}`);
  }
  if (failures.length > 0) {
    console.error('Fix these, or list each in electronegativity-reviewed.json with the reason it is safe.');
    process.exitCode = 1;
  }
  if (unparsed.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(`lint:electron: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
