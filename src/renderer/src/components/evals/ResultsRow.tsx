import { memo } from 'react';
import type { RunModel, RunRecord, RunResult } from '../../../../shared/eval/run-record';
import { ResultCell } from './ResultCell';

interface ResultsRowProps {
  index: number;
  /** Offset from the top of the list, from the virtualizer. */
  start: number;
  testCase: RunRecord['cases'][number];
  columns: string;
  models: readonly RunModel[];
  /** `caseId \n model` → result. */
  results: ReadonlyMap<string, RunResult>;
  /** Model → regressed or improved, for this case. */
  marks: ReadonlyMap<string, 'regressed' | 'improved'> | undefined;
  open: boolean;
  running: boolean;
  measure(element: Element | null): void;
  onToggle(caseId: string): void;
  onOpenCase(caseId: string): void;
}

/** One case across the models; memoized, so scrolling renders only the rows that come into view. */
export const ResultsRow = memo(function ResultsRow({ index, start, testCase, columns, models, results, marks, open, running, measure, onToggle, onOpenCase }: ResultsRowProps) {
  const label = testCase.title ?? testCase.id;
  return (
    <div
      ref={measure}
      data-index={index}
      data-row-index={index}
      className="eval-grid__row"
      role="row"
      aria-rowindex={index + 2}
      data-testid="results-row"
      data-case-id={testCase.id}
      style={{ gridTemplateColumns: columns, transform: `translateY(${start}px)` }}
    >
      <div role="rowheader" className="eval-grid__case">
        <button type="button" className="eval-grid__toggle" aria-expanded={open} data-case-toggle="" onClick={() => onToggle(testCase.id)}>
          <span className="eval-grid__chevron" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          <span className="eval-grid__case-title">{label}</span>
        </button>
        {testCase.title && <span className="eval-grid__case-id mono">{testCase.id}</span>}
        {open && <p className="eval-grid__prompt">{testCase.prompt}</p>}
      </div>
      {models.map((m) => (
        <ResultCell key={m.name} result={results.get(`${testCase.id}\n${m.name}`)} change={marks?.get(m.name) ?? null} expanded={open} running={running} />
      ))}
      <div role="cell" className="eval-grid__open">
        <button type="button" className="button button--small" data-case-open={testCase.id} aria-label={`Compare outputs for ${label}`} onClick={() => onOpenCase(testCase.id)}>
          Compare
        </button>
      </div>
    </div>
  );
});
