// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { OLDER_RUN_ID, renderEvaluate, result, runRecord, RUN_ID, V1, V2 } from './support/eval-fixtures';
import { useFakeLayout } from './support/layout';

useFakeLayout({ width: 1280, height: 700 });

// The older run: v2 still passed `refund`, and answered `hours` in other words.
const older = runRecord({
  id: OLDER_RUN_ID,
  startedAt: '2026-12-02T09:00:00.000Z',
  ollama: { host: 'http://127.0.0.1:11434', version: '0.12.5' },
  results: [
    result('greet', V1, false),
    result('refund', V1, true),
    result('hours', V1, true),
    result('greet', V2, true),
    result('refund', V2, true),
    result('hours', V2, true, { output: 'We open at nine.' }),
  ],
});

describe('Evaluate: saved runs', () => {
  it('lists runs newest first with their state, Ollama version and passed counts; shows the newest; Show opens another', async () => {
    const user = userEvent.setup();
    const { store } = renderEvaluate({}, {}, [runRecord(), older]);
    const rows = await screen.findAllByTestId('run-row');
    expect(rows.map((r) => r.dataset.runId)).toEqual([RUN_ID, OLDER_RUN_ID]);
    expect(rows[0]!.getAttribute('aria-current')).toBe('true');
    expect(rows[0]!.textContent).toContain('Finished');
    expect(rows[0]!.textContent).toContain('0.12.6');
    expect(rows[0]!.textContent).toContain('Support Bot v1 2 of 3');
    expect(rows[1]!.textContent).toContain('Support Bot v2 3 of 3');
    await user.click(within(rows[1]!).getByRole('button', { name: /^Show the run of/ }));
    expect(store.getState().evalView.runId).toBe(OLDER_RUN_ID);
    await waitFor(() => expect(screen.getAllByTestId('run-row')[1]!.getAttribute('aria-current')).toBe('true'));
  });

  it('Compare of two runs lists each case × model whose verdict or answer changed', async () => {
    const user = userEvent.setup();
    renderEvaluate({}, {}, [runRecord(), older]);
    const rows = await screen.findAllByTestId('run-row');
    const compare = screen.getByTestId('compare-runs');
    expect(compare.hasAttribute('disabled')).toBe(true);
    for (const row of rows) await user.click(within(row).getByRole('checkbox'));
    await user.click(compare);
    const view = await screen.findByTestId('run-comparison');
    await waitFor(() => expect(within(view).getAllByTestId('comparison-change')).toHaveLength(2));
    const changes = within(view).getAllByTestId('comparison-change');
    expect(changes.map((c) => c.dataset.change).sort()).toEqual(['broke', 'output']);
    const broke = changes.find((c) => c.dataset.change === 'broke')!;
    expect(broke.textContent).toContain('Now fails');
    expect(broke.textContent).toContain('refund · Support Bot v2');
    expect(within(view).getByTestId('comparison-summary').textContent).toContain('Ollama 0.12.5 → 0.12.6');
  });

  it('Esc closes the comparison and focus returns to Compare', async () => {
    const user = userEvent.setup();
    renderEvaluate({}, {}, [runRecord(), older]);
    for (const row of await screen.findAllByTestId('run-row')) await user.click(within(row).getByRole('checkbox'));
    await user.click(screen.getByTestId('compare-runs'));
    await screen.findByTestId('run-comparison');
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('run-comparison')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('compare-runs')));
  });
});
