import { statusReport, type StatusReport } from '../../shared/status-report';
import type { CliCommand } from './cli-command';
import { EXIT } from './cli-io';
import { COMMON_OPTIONS_HELP, parseCommandArgs } from './command-args';
import { readableRegistry, withServices } from './command-services';
import { textColumns } from './text-columns';

/**
 * `modelwright status`: is Ollama there (host, version, or why not), the models by status, and
 * which are out of date. It asks Ollama but writes nothing; exit 1 when Ollama cannot be reached,
 * so a CI job notices before it tries to build.
 */

const USAGE = `Usage: modelwright status [options]

Shows the connection to Ollama (host, version, online or offline and why), the registry's
models by status as Ollama sees them now, and the models out of date (their Modelfile or base
model changed since they were built). Changes nothing. Exit status 1 when Ollama is unreachable.

${COMMON_OPTIONS_HELP}`;

function counted(groups: Record<string, string[]>): string {
  const parts = Object.entries(groups)
    .filter(([, names]) => names.length > 0)
    .map(([status, names]) => `${names.length} ${status}`);
  return parts.length > 0 ? parts.join(', ') : 'none';
}

export function statusText(report: StatusReport): string {
  const connection = report.online
    ? `${report.host} · Ollama ${report.version ?? 'of unknown version'} · online`
    : `${report.host} · ${report.connection === 'error' ? 'answers with an error' : 'offline'}: ${report.reason ?? 'no answer'}`;
  const groups = Object.entries(report.models).filter(([, names]) => names.length > 0);
  const lines = [
    textColumns([
      ['Ollama', connection],
      ['Workspace', report.workspace],
      ['Models', counted(report.models) + (report.online ? '' : ' (as the registry file records them)')],
      ...groups.map(([status, names]) => ['', `  ${status}: ${names.join(', ')}`]),
      ['Base models', counted(report.baseModels)],
      ['Outdated', report.outdated.length === 0 ? 'none' : `${report.outdated.join(', ')} (Modelfile or base model changed since the build; create again)`],
    ]),
  ];
  for (const warning of report.warnings) lines.push(`Warning: ${warning}`);
  if (!report.online) lines.push('Another Ollama? Give --host with a host named in Settings or an address, or set OLLAMA_HOST.');
  for (const u of report.unrecorded) {
    lines.push(`Note: ${u.name} is ${u.now} now; the registry file still says ${u.file} (the app's next sync records it).`);
  }
  if (report.discovered.length > 0) lines.push(`Not in the registry: ${report.discovered.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

export const statusCommand: CliCommand = {
  name: 'status',
  synopsis: '[--host URL]',
  summary: 'Ollama: host, version, online or why not; models by status; outdated models',
  usage: USAGE,
  async run(argv, io, cwd) {
    const parsed = parseCommandArgs(argv, io.env, { usage: USAGE });
    if (parsed === 'help') {
      io.out(`${USAGE}\n`);
      return EXIT.ok;
    }
    return withServices(parsed.common, io, cwd, async (services) => {
      // A passive sync: it asks Ollama and writes no status.
      const sync = await services.handlers['sync.now']({});
      const snapshot = readableRegistry(services);
      const report = statusReport(snapshot.registry, sync, snapshot.workspace.path, new Date());
      io.out(parsed.common.json ? `${JSON.stringify(report, null, 2)}\n` : statusText(report));
      return report.online ? EXIT.ok : EXIT.failed;
    });
  },
};
