import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { verdictsByModel, type ModelVerdict } from '../../../../shared/eval/run-verdict';
import type { RunRecord } from '../../../../shared/eval/run-record';
import { selectModels } from '../../store/selectors';
import { useAppStore } from '../../store/store-context';
import { ModelName } from '../names/ModelName';
import { modelTitle } from './model-title';
import { ResultsRow } from './ResultsRow';

const ROW_HEIGHT = 64;
/** No row is shorter (verdict and timings): a row not laid out yet never counts as empty. */
const MIN_ROW_HEIGHT = 48;
type Show = 'all' | 'failed' | 'changed';

interface ResultsGridProps {
  run: RunRecord;
  onOpenCase(caseId: string): void;
}

/** Cases (rows) × models (columns), only the rows near the viewport in the DOM; a row expands to its checks. */
export function ResultsGrid({ run, onOpenCase }: ResultsGridProps) {
  const models = useAppStore(selectModels);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [show, setShow] = useState<Show>('all');
  const verdicts = useMemo(() => verdictsByModel(run), [run]);
  const results = useMemo(() => new Map(run.results.map((r) => [`${r.caseId}\n${r.model}`, r])), [run.results]);
  const marks = useMemo(() => changeMarks(verdicts), [verdicts]);
  const cases = useMemo(() => {
    if (show === 'all') return run.cases;
    return run.cases.filter((c) =>
      show === 'failed' ? run.models.some((m) => results.get(`${c.id}\n${m.name}`)?.passed === false) : marks.has(c.id),
    );
  }, [show, run.cases, run.models, results, marks]);

  // The virtualizer's methods are not memo-safe; this component is not compiled with React Compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: cases.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // Rows grow when opened to their checks, so each is measured.
    measureElement: (element) => Math.max(element.getBoundingClientRect().height, MIN_ROW_HEIGHT),
    getItemKey: (index) => cases[index]?.id ?? index,
    overscan: 6,
  });

  // Fixed widths where the header and the rows hold different things, so their columns line up.
  const columns = `minmax(140px, 0.8fr) repeat(${run.models.length}, minmax(150px, 1fr)) 96px`;
  // Stable, so rows that did not change skip rendering while the list scrolls.
  const toggle = useCallback(
    (id: string) =>
      setExpanded((prev) => {
        const next = new Set(prev);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    [],
  );

  // Up and Down move between rows in the same column of buttons, scrolling the list as needed.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const target = event.target instanceof HTMLElement ? event.target : null;
    const kind = target?.dataset.caseToggle !== undefined ? 'data-case-toggle' : target?.dataset.caseOpen !== undefined ? 'data-case-open' : null;
    const index = Number(target?.closest<HTMLElement>('[data-row-index]')?.dataset.rowIndex);
    if (!kind || Number.isNaN(index)) return;
    const next = index + (event.key === 'ArrowDown' ? 1 : -1);
    if (next < 0 || next >= cases.length) return;
    event.preventDefault();
    virtualizer.scrollToIndex(next);
    const focus = (tries: number) => {
      const el = scrollRef.current?.querySelector<HTMLElement>(`[data-row-index="${next}"] [${kind}]`);
      if (el) el.focus();
      else if (tries > 0) requestAnimationFrame(() => focus(tries - 1));
    };
    focus(5);
  };

  return (
    <div className="eval-grid-wrap">
      <div className="eval-grid-tools">
        <label>
          Show{' '}
          <select value={show} onChange={(event) => setShow(event.target.value as Show)} data-testid="results-filter">
            <option value="all">All cases ({run.cases.length})</option>
            <option value="failed">Cases that failed for some model</option>
            <option value="changed">Regressions and improvements ({marks.size})</option>
          </select>
        </label>
        <span className="muted">↑ and ↓ move between cases</span>
      </div>
      {/* Outside the table, whose row groups may hold rows only. */}
      {cases.length === 0 && (
        <p className="eval-grid__empty" role="status">
          No case matches this filter.
        </p>
      )}
      <div
        ref={scrollRef}
        className="eval-grid"
        role="table"
        aria-label="Results: cases by model"
        aria-rowcount={cases.length + 1}
        aria-colcount={run.models.length + 2}
        onKeyDown={onKeyDown}
        data-testid="results-grid"
      >
        <div className="eval-grid__head" role="rowgroup">
          <div className="eval-grid__row eval-grid__row--head" role="row" aria-rowindex={1} style={{ gridTemplateColumns: columns }}>
            <div role="columnheader" className="eval-grid__corner">
              Case
            </div>
            {verdicts.map((verdict, index) => (
              <VerdictHeader
                key={verdict.model}
                verdict={verdict}
                version={run.models[index]!.version}
                title={modelTitle(models, run.models[index]!)}
                previous={index > 0 ? modelTitle(models, run.models[index - 1]!) : null}
              />
            ))}
            <div role="columnheader">
              <span className="visually-hidden">Outputs</span>
            </div>
          </div>
        </div>
        <div role="rowgroup" className="eval-grid__body" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const c = cases[item.index];
            if (!c) return null;
            return (
              <ResultsRow
                key={item.key}
                index={item.index}
                start={item.start}
                testCase={c}
                columns={columns}
                models={run.models}
                results={results}
                marks={marks.get(c.id)}
                open={expanded.has(c.id)}
                running={run.state === 'running'}
                measure={virtualizer.measureElement}
                onToggle={toggle}
                onOpenCase={onOpenCase}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

/** Case id → model → whether it regressed or improved against the model before it. */
function changeMarks(verdicts: readonly ModelVerdict[]): Map<string, Map<string, 'regressed' | 'improved'>> {
  const marks = new Map<string, Map<string, 'regressed' | 'improved'>>();
  const mark = (caseId: string, model: string, change: 'regressed' | 'improved') => {
    const byModel = marks.get(caseId) ?? new Map<string, 'regressed' | 'improved'>();
    byModel.set(model, change);
    marks.set(caseId, byModel);
  };
  for (const v of verdicts) {
    for (const id of v.regressions) mark(id, v.model, 'regressed');
    for (const id of v.improvements) mark(id, v.model, 'improved');
  }
  return marks;
}

interface VerdictHeaderProps {
  verdict: ModelVerdict;
  /** The N of `-vN`: a badge that tells columns apart when long names are cut short. */
  version: number | null;
  title: string;
  previous: string | null;
}

function VerdictHeader({ verdict, version, title, previous }: VerdictHeaderProps) {
  const answered = verdict.passed + verdict.failed;
  const total = answered + verdict.missing;
  return (
    <div role="columnheader" className="eval-grid__model" data-testid="verdict-header" data-model={verdict.model}>
      <span className="eval-grid__model-title">
        {version !== null && <span className="version-badge">v{version}</span>}
        <ModelName text={title} className="eval-grid__model-name" />
      </span>
      <span className="eval-grid__score" data-testid="verdict-score">
        Passed {verdict.passed} of {total}
      </span>
      <span className="eval-grid__changes">
        {verdict.regressions.length > 0 && (
          <span className="eval-change eval-change--regressed" data-testid="verdict-regressions" title={`Passed for ${previous ?? 'the previous model'}, fail here: ${verdict.regressions.join(', ')}`}>
            <span aria-hidden="true">↓ </span>
            {verdict.regressions.length} regressed
          </span>
        )}
        {verdict.improvements.length > 0 && (
          <span className="eval-change eval-change--improved" data-testid="verdict-improvements" title={`Failed for ${previous ?? 'the previous model'}, pass here: ${verdict.improvements.join(', ')}`}>
            <span aria-hidden="true">↑ </span>
            {verdict.improvements.length} improved
          </span>
        )}
        {verdict.missing > 0 && <span className="muted">{verdict.missing} not answered</span>}
      </span>
    </div>
  );
}
