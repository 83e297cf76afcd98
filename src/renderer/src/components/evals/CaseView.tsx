import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { RunRecord, RunResult } from '../../../../shared/eval/run-record';
import { resultFor } from '../../../../shared/eval/run-verdict';
import { selectModels } from '../../store/selectors';
import { useAppStore } from '../../store/store-context';
import { ModelName } from '../names/ModelName';
import { fullTimings } from './eval-format';
import { modelTitle } from './model-title';
import { CheckList, GradeNote } from './ResultCell';
import { WordDiffView } from './WordDiffView';
import { useEscapeToClose } from '../../hooks/use-escape-to-close';

interface CaseViewProps {
  run: RunRecord;
  caseId: string;
  onClose(): void;
}

/** One case: two models' outputs side by side with the words that differ marked, and the request sent. */
export function CaseView({ run, caseId, onClose }: CaseViewProps) {
  const titleId = useId();
  const leftId = useId();
  const rightId = useId();
  const models = useAppStore(selectModels);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const names = run.models.map((m) => m.name);
  // The last two models by default: the newest version against the one before it.
  const [left, setLeft] = useState(names.at(-2) ?? names[0]!);
  const [right, setRight] = useState(names.at(-1)!);
  const testCase = run.cases.find((c) => c.id === caseId);
  const a = useMemo(() => resultFor(run, caseId, left), [run, caseId, left]);
  const b = useMemo(() => resultFor(run, caseId, right), [run, caseId, right]);
  const request = (b ?? a)?.request;
  const titleOf = (name: string) => modelTitle(models, run.models.find((m) => m.name === name) ?? { name, role: 'version' });

  useEffect(() => headingRef.current?.focus(), []);
  useEscapeToClose(onClose);

  return (
    <section className="eval-case" aria-labelledby={titleId} data-testid="case-view">
      <div className="eval-case__head">
        <button type="button" className="button button--small" onClick={onClose} title="Back to the results (Esc)">
          <span aria-hidden="true">←</span> Results
        </button>
        <div className="eval-case__titles">
          <h2 id={titleId} ref={headingRef} tabIndex={-1} className="eval-case__title">
            {testCase?.title ?? caseId}
          </h2>
          {testCase?.title && <span className="mono muted eval-case__id">{caseId}</span>}
        </div>
      </div>
      <p className="eval-case__prompt">{testCase?.prompt}</p>
      {names.length > 1 && (
        <div className="eval-case__pick">
          <SidePicker label="Left" value={left} names={names} titleOf={titleOf} onChange={setLeft} testId="case-left" />
          <SidePicker label="Right" value={right} names={names} titleOf={titleOf} onChange={setRight} testId="case-right" />
          <span className="muted">
            <del className="word-diff__removed">struck</del>: only on the left · <ins className="word-diff__added">underlined</ins>: only on the right
          </span>
        </div>
      )}
      <div className="eval-case__sides">
        <CaseSide id={leftId} title={titleOf(left)} result={a} other={b} side="before" />
        <CaseSide id={rightId} title={titleOf(right)} result={b} other={a} side="after" />
      </div>
      {testCase?.rubric && (
        <details className="eval-case__more">
          <summary>Rubric for the judge</summary>
          <p className="eval-case__pre">{testCase.rubric}</p>
        </details>
      )}
      {request && (
        <details className="eval-case__more" data-testid="case-request">
          <summary>Request sent</summary>
          <dl className="eval-request">
            {request.messages.map((m, index) => (
              <div key={index} className="eval-request__message">
                <dt>{m.role === 'system' ? 'System' : m.role === 'user' ? 'User' : 'Assistant'}</dt>
                <dd className="eval-case__pre">{m.content}</dd>
              </div>
            ))}
            <div className="eval-request__message">
              <dt>Options</dt>
              <dd className="mono">
                {Object.entries(request.options)
                  .map(([k, v]) => `${k}: ${String(v)}`)
                  .join(' · ')}
                {` · think: ${String(request.think)}`}
              </dd>
            </div>
          </dl>
        </details>
      )}
    </section>
  );
}

interface CaseSideProps {
  id: string;
  title: string;
  result: RunResult | undefined;
  other: RunResult | undefined;
  side: 'before' | 'after';
}

interface SidePickerProps {
  label: string;
  value: string;
  names: readonly string[];
  titleOf: (name: string) => string;
  onChange: (name: string) => void;
  testId: string;
}

/** Which model's answer a side shows. */
function SidePicker({ label, value, names, titleOf, onChange, testId }: SidePickerProps) {
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(event) => onChange(event.target.value)} data-testid={testId}>
        {names.map((n) => (
          <option key={n} value={n}>
            {titleOf(n)}
          </option>
        ))}
      </select>
    </label>
  );
}

function CaseSide({ id, title, result, other, side }: CaseSideProps) {
  return (
    <div className="eval-case__side" data-testid={`case-side-${side}`}>
      <h3 id={id} className="eval-case__side-title">
        <ModelName text={title} />
        {result && (
          <span className={`verdict verdict--${result.passed ? 'pass' : 'fail'}`}>
            <span aria-hidden="true">{result.passed ? '✓' : '✕'}</span> {result.passed ? 'Passed' : 'Failed'}
          </span>
        )}
      </h3>
      {!result ? (
        <p className="muted">Not answered in this run.</p>
      ) : (
        <>
          {result.error && <p className="eval-details__error">{result.error.message}</p>}
          <WordDiffView
            before={side === 'before' ? result.output : (other?.output ?? result.output)}
            after={side === 'after' ? result.output : (other?.output ?? result.output)}
            side={side}
            labelledBy={id}
          />
          <CheckList checks={result.checks} label={`Checks for ${title}`} />
          {result.grade && <GradeNote grade={result.grade} />}
          <p className="eval-details__timing">{fullTimings(result)}</p>
        </>
      )}
    </div>
  );
}
