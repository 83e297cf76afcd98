// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { result, renderEvaluate, runRecord, RUN_ID, V1, V2 } from './support/eval-fixtures';
import { useFakeLayout } from './support/layout';

useFakeLayout({ width: 1280, height: 700 });

const header = (model: string) => screen.getAllByTestId('verdict-header').find((h) => h.dataset.model === model)!;
const row = (caseId: string) => screen.getAllByTestId('results-row').find((r) => r.dataset.caseId === caseId)!;

describe('Evaluate: the results grid', () => {
  it('shows each version’s verdict: passed N of M, regressions against the previous version with their count, improvements', async () => {
    renderEvaluate();
    await screen.findByTestId('results-grid');
    expect(within(header(V1)).getByTestId('verdict-score').textContent).toBe('Passed 2 of 3');
    expect(within(header(V1)).queryByTestId('verdict-regressions')).toBeNull();
    expect(within(header(V2)).getByTestId('verdict-score').textContent).toBe('Passed 2 of 3');
    const regressions = within(header(V2)).getByTestId('verdict-regressions');
    expect(regressions.textContent).toBe('↓ 1 regressed');
    expect(regressions.getAttribute('title')).toContain('refund');
    expect(regressions.className).toContain('eval-change--regressed');
    expect(within(header(V2)).getByTestId('verdict-improvements').textContent).toBe('↑ 1 improved');
  });

  it('marks each cell passed or failed in words and shape, not colour alone, and the regressed cell as such', async () => {
    renderEvaluate();
    await screen.findByTestId('results-grid');
    const [v1Cell, v2Cell] = within(row('refund')).getAllByTestId('result-cell') as [HTMLElement, HTMLElement];
    expect(v1Cell.textContent).toContain('✓ Passed');
    expect(v2Cell.textContent).toContain('✕ Failed');
    expect(v2Cell.textContent).toContain('Regressed');
    expect(v1Cell.textContent).not.toContain('Regressed');
    expect(within(row('greet')).getAllByTestId('result-cell')[1]!.textContent).toContain('Improved');
    // Timings under each verdict, and in full on hover.
    expect(v1Cell.textContent).toContain('first token 310 ms · 42.1 tokens/s');
    expect(v1Cell.querySelector('[title]')?.getAttribute('title')).toContain('900 ms total · 12 tokens');
  });

  it('a row opens by keyboard to its checks, and the judge’s grade is shown apart and labelled as the judge’s', async () => {
    const user = userEvent.setup();
    renderEvaluate();
    await screen.findByTestId('results-grid');
    const toggle = within(row('greet')).getByRole('button', { name: /^▸?\s*Greets a new customer$/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.focus();
    await user.keyboard('{Enter}');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const [v1Cell, v2Cell] = within(row('greet')).getAllByTestId('result-cell') as [HTMLElement, HTMLElement];
    const failedCheck = within(v1Cell).getAllByTestId('check')[1]!;
    expect(failedCheck.textContent).toContain('Failed: does not contain "sorry" (any case) — found "Sorry" at 1');
    expect(within(v2Cell).getAllByTestId('check')[1]!.textContent).toContain('Passed: does not contain');
    const grade = within(v2Cell).getByTestId('grade');
    expect(grade.textContent).toContain('Judge’s grade');
    expect(grade.textContent).toContain('not counted in pass or fail');
    expect(grade.querySelector('[title]')?.getAttribute('title')).toBe('Graded by judge-model');
    expect(grade.textContent).toContain('4 of 5');
    expect(within(v1Cell).queryByTestId('grade')).toBeNull();
  });

  it('↓ and ↑ move between cases in the same column of buttons', async () => {
    const user = userEvent.setup();
    renderEvaluate();
    await screen.findByTestId('results-grid');
    within(row('greet')).getByRole('button', { name: 'Compare outputs for Greets a new customer' }).focus();
    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('Compare outputs for refund'));
    await user.keyboard('{ArrowDown}{ArrowUp}{ArrowUp}');
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('Compare outputs for Greets a new customer'));
  });

  it('the filter shows only the regressions and improvements', async () => {
    const user = userEvent.setup();
    renderEvaluate();
    await screen.findByTestId('results-grid');
    await user.selectOptions(screen.getByTestId('results-filter'), 'changed');
    expect(screen.getAllByTestId('results-row').map((r) => r.dataset.caseId)).toEqual(['greet', 'refund']);
  });

  it('says so, outside the table, when no case matches the filter', async () => {
    const user = userEvent.setup();
    const allPass = runRecord();
    allPass.results = allPass.results.map((r) => ({ ...r, passed: true }));
    renderEvaluate({}, {}, [allPass]);
    await screen.findByTestId('results-grid');
    await user.selectOptions(screen.getByTestId('results-filter'), 'failed');
    expect(screen.queryAllByTestId('results-row')).toHaveLength(0);
    const note = screen.getByText('No case matches this filter.');
    expect(screen.getByTestId('results-grid').contains(note)).toBe(false);
  });

  it('keeps 200 cases × 3 versions to the rows in view', async () => {
    const models = ['bot-v1', 'bot-v2', 'bot-v3'];
    const cases = Array.from({ length: 200 }, (_, i) => ({ id: `case-${i}`, title: null, prompt: `Question ${i}`, rubric: null }));
    const big = runRecord({
      cases,
      models: models.map((name, i) => ({ name, role: 'version', version: i + 1, digest: null, modelfile: null, builtFromSha256: null, modelfileSha256: null })),
      results: cases.flatMap((c, i) => models.map((m) => result(c.id, m, (i + m.length) % 3 !== 0))),
    });
    renderEvaluate({}, {}, [big]);
    await screen.findByTestId('results-grid');
    const rendered = screen.getAllByTestId('results-row').length;
    expect(rendered).toBeGreaterThan(3);
    expect(rendered).toBeLessThan(40);
    expect(screen.getByTestId('results-grid').getAttribute('aria-rowcount')).toBe('201');
  });

  it('Re-run failures starts a run of only the failed cases against the same models, linked to this run', async () => {
    const user = userEvent.setup();
    const { client } = renderEvaluate({ 'evals.start': () => ({ jobId: 'job-9', runId: '2026-12-03T14-00-00-000Z-bbbb' }), 'jobs.get': () => { throw new Error('gone'); } });
    const rerun = await screen.findByTestId('rerun-failures');
    expect(rerun.textContent).toBe('Re-run 2 failed cases');
    await user.click(rerun);
    expect(client.callsTo('evals.start')).toEqual([{ family: 'bot', models: [V1, V2], caseIds: ['greet', 'refund'], judge: null, rerunOf: RUN_ID }]);
  });
});
