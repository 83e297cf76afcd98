import { useEffect, useId, useRef, useState } from 'react';
import type { RunRecord, RunSummary } from '../../../../shared/eval/run-record';
import { compareRuns, resultFor } from '../../../../shared/eval/run-verdict';
import { selectModels } from '../../store/selectors';
import { useAppStore } from '../../store/store-context';
import { formatRunTime, plural } from './eval-format';
import { modelTitle } from './model-title';
import { WordDiffView } from './WordDiffView';
import { useEscapeToClose } from '../../hooks/use-escape-to-close';

type ChangeKind = 'broke' | 'fixed' | 'output';

interface RunChange {
  caseId: string;
  model: string;
  change: ChangeKind;
  before: string;
  after: string;
}

const CHANGE_WORDS: Record<ChangeKind, { mark: string; text: string }> = {
  broke: { mark: '↓', text: 'Now fails' },
  fixed: { mark: '↑', text: 'Now passes' },
  output: { mark: '≠', text: 'Same verdict, different answer' },
};

interface RunComparisonProps {
  family: string;
  older: RunSummary;
  newer: RunSummary;
  onClose(): void;
}

/** The case × model pairs whose verdict or answer differs, with both answers. */
function changesBetween(a: RunRecord, b: RunRecord): { changes: RunChange[]; unmatched: number } {
  const comparison = compareRuns(a, b);
  const changes: RunChange[] = [];
  for (const pair of comparison.pairs) {
    if (!pair.passChanged && !pair.outputChanged) continue;
    changes.push({
      caseId: pair.caseId,
      model: pair.model,
      change: pair.passChanged ? (pair.passedAfter ? 'fixed' : 'broke') : 'output',
      before: resultFor(a, pair.caseId, pair.model)?.output ?? '',
      after: resultFor(b, pair.caseId, pair.model)?.output ?? '',
    });
  }
  return { changes, unmatched: comparison.onlyInA.length + comparison.onlyInB.length };
}

/** What changed between two saved runs: each case × model whose verdict or answer is not the same. */
export function RunComparison({ family, older, newer, onClose }: RunComparisonProps) {
  const titleId = useId();
  const models = useAppStore(selectModels);
  const fetchEvalRun = useAppStore((s) => s.fetchEvalRun);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [state, setState] = useState<{ status: 'loading' } | { status: 'failed'; error: string } | { status: 'ready'; changes: RunChange[]; unmatched: number; a: RunRecord }>({
    status: 'loading',
  });

  useEffect(() => {
    let live = true;
    void Promise.all([fetchEvalRun(family, older.id), fetchEvalRun(family, newer.id)]).then(([a, b]) => {
      if (!live) return;
      if (!a.ok || !b.ok) setState({ status: 'failed', error: (!a.ok ? a.error : !b.ok ? b.error : null)?.message ?? '' });
      else setState({ status: 'ready', ...changesBetween(a.value, b.value), a: a.value });
    });
    return () => {
      live = false;
    };
  }, [family, older.id, newer.id, fetchEvalRun]);
  useEffect(() => headingRef.current?.focus(), []);
  useEscapeToClose(onClose);

  const titleFor = (name: string) => modelTitle(models, { name, role: 'version' });
  return (
    <section className="eval-compare" aria-labelledby={titleId} data-testid="run-comparison">
      <div className="eval-section__head">
        <h3 id={titleId} ref={headingRef} tabIndex={-1}>
          <time dateTime={older.startedAt}>{formatRunTime(older.startedAt)}</time> → <time dateTime={newer.startedAt}>{formatRunTime(newer.startedAt)}</time>
        </h3>
        <div className="eval-section__actions">
          <button type="button" className="button button--small" onClick={onClose}>
            Close comparison
          </button>
        </div>
      </div>
      {state.status === 'loading' ? (
        <p className="muted" role="status">
          Reading both runs…
        </p>
      ) : state.status === 'failed' ? (
        <p className="field-error" role="alert">
          The runs could not be read: {state.error}
        </p>
      ) : state.changes.length === 0 ? (
        <p role="status" data-testid="comparison-summary">
          No difference: every case both runs answered has the same verdict and the same answer.
          {state.unmatched > 0 && ` ${plural(state.unmatched, 'answer')} only in one of the runs.`}
        </p>
      ) : (
        <>
          <p role="status" data-testid="comparison-summary">
            {plural(state.changes.length, 'answer')} changed
            {state.unmatched > 0 && ` · ${state.unmatched} only in one of the runs`}
            {older.ollamaVersion !== newer.ollamaVersion && ` · Ollama ${older.ollamaVersion ?? 'unknown'} → ${newer.ollamaVersion ?? 'unknown'}, which can change answers by itself`}
          </p>
          <ul className="eval-compare__list">
            {state.changes.map((change, index) => {
              const words = CHANGE_WORDS[change.change];
              const caseTitle = state.a.cases.find((c) => c.id === change.caseId)?.title ?? change.caseId;
              return (
                <li key={`${change.caseId}\n${change.model}`} className={`eval-compare__item eval-compare__item--${change.change}`} data-testid="comparison-change" data-change={change.change}>
                  <details>
                    <summary>
                      <span className="eval-compare__mark">
                        <span aria-hidden="true">{words.mark} </span>
                        {words.text}
                      </span>{' '}
                      <strong>{caseTitle}</strong> · {titleFor(change.model)}
                    </summary>
                    <div className="eval-case__sides">
                      <div className="eval-case__side">
                        <h4 id={`${titleId}-${index}-a`}>Before</h4>
                        <WordDiffView before={change.before} after={change.after} side="before" labelledBy={`${titleId}-${index}-a`} />
                      </div>
                      <div className="eval-case__side">
                        <h4 id={`${titleId}-${index}-b`}>After</h4>
                        <WordDiffView before={change.before} after={change.after} side="after" labelledBy={`${titleId}-${index}-b`} />
                      </div>
                    </div>
                  </details>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
