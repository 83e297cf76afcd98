import type { RunRecord } from '../../shared/eval/run-record';
import { newestRegression, resultFor, verdictsByModel } from '../../shared/eval/run-verdict';

/**
 * What `modelwright eval` prints: a table of cases × models (pass, FAIL, or - when not run), the
 * verdict per model, and the regressions of the newest version; or the same as JSON.
 */

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

export function runTable(run: RunRecord, file: string): string {
  const verdicts = verdictsByModel(run);
  const regression = newestRegression(run);
  const header = ['case', ...run.models.map((m) => m.name)];
  const rows = run.cases.map((c) => [
    c.id,
    ...run.models.map((model, index) => {
      const result = resultFor(run, c.id, model.name);
      if (!result) return '-';
      const verdict = verdicts[index];
      const mark = result.passed ? 'pass' : result.error ? 'FAIL (error)' : 'FAIL';
      if (verdict?.regressions.includes(c.id)) return `${mark} (regressed)`;
      if (verdict?.improvements.includes(c.id)) return `${mark} (improved)`;
      return mark;
    }),
  ]);
  const summary = [
    'verdict',
    ...verdicts.map((v) => {
      const total = v.passed + v.failed + v.missing;
      const changes = v.regressions.length > 0 ? ` · ${v.regressions.length} regressed` : '';
      return `${v.passed}/${total} passed${changes}`;
    }),
  ];
  const widths = header.map((_, col) => Math.max(...[header, ...rows, summary].map((row) => (row[col] ?? '').length)) + 2);
  const line = (row: string[]) => row.map((cell, col) => pad(cell, widths[col] ?? 0)).join('').trimEnd();

  const out = [
    `${run.family} · ${run.cases.length} case(s) · Ollama ${run.ollama.version ?? 'unknown version'} at ${run.ollama.host}`,
    `Run ${run.id} (${run.state}), saved in ${file}`,
    '',
    line(header),
    ...rows.map(line),
    '',
    line(summary),
    '',
  ];
  if (regression) {
    out.push(`Regression: ${regression.newest} fails ${regression.caseIds.join(', ')}, which ${regression.previous} passed.`);
  } else {
    out.push('No regression: the newest version passes every case the previous one passed.');
  }
  if (run.error) out.push(`The run ${run.state}: ${run.error}`);
  return `${out.join('\n')}\n`;
}

export function runJson(run: RunRecord, file: string): string {
  const verdicts = verdictsByModel(run);
  const report = {
    runId: run.id,
    file,
    family: run.family,
    state: run.state,
    error: run.error,
    ollama: run.ollama,
    models: run.models.map((model, index) => {
      const { model: _name, ...verdict } = verdicts[index] ?? { model: model.name };
      return { ...model, ...verdict };
    }),
    regression: newestRegression(run),
    cases: run.cases.map((c) => ({
      id: c.id,
      results: Object.fromEntries(
        run.models.map((model) => {
          const result = resultFor(run, c.id, model.name);
          return [
            model.name,
            result
              ? { passed: result.passed, error: result.error, failedChecks: result.checks.filter((check) => !check.passed).map((check) => check.label), grade: result.grade, totalMs: result.totalMs }
              : null,
          ];
        }),
      ),
    })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
