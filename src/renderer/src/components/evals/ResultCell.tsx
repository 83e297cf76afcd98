import type { CheckVerdict, Grade, RunResult } from '../../../../shared/eval/run-record';
import { cellTimings, fullTimings } from './eval-format';

interface ResultCellProps {
  result: RunResult | undefined;
  change: 'regressed' | 'improved' | null;
  /** Shows each check and the judge's grade under the verdict. */
  expanded: boolean;
  running: boolean;
}

/** One model's answer to one case: passed or failed in shape and word, its timings, and when open its checks. */
export function ResultCell({ result, change, expanded, running }: ResultCellProps) {
  if (!result) {
    return (
      <div role="cell" className="eval-cell" data-verdict="missing">
        <span className="verdict verdict--missing">
          <span aria-hidden="true">{running ? '…' : '–'}</span> {running ? 'Waiting' : 'Not answered'}
        </span>
      </div>
    );
  }
  const verdict = result.error ? 'error' : result.passed ? 'passed' : 'failed';
  return (
    <div role="cell" className="eval-cell" data-verdict={verdict} data-testid="result-cell">
      <span className="eval-cell__line">
        <span className={`verdict verdict--${result.passed ? 'pass' : 'fail'}`}>
          <span aria-hidden="true">{result.passed ? '✓' : '✕'}</span> {verdict === 'error' ? 'No answer' : result.passed ? 'Passed' : 'Failed'}
        </span>
        {change && (
          <span className={`eval-change eval-change--${change}`}>
            <span aria-hidden="true">{change === 'regressed' ? '↓ ' : '↑ '}</span>
            {change === 'regressed' ? 'Regressed' : 'Improved'}
          </span>
        )}
      </span>
      {/* Open, the details show every figure instead. */}
      {expanded ? (
        <ResultDetails result={result} />
      ) : (
        <span className="eval-cell__timing" title={fullTimings(result)}>
          {cellTimings(result)}
        </span>
      )}
    </div>
  );
}

function ResultDetails({ result }: { result: RunResult }) {
  return (
    <div className="eval-details">
      {result.error && <p className="eval-details__error">{result.error.message}</p>}
      {result.checks.length === 0 ? (
        <p className="muted">No checks in this case.</p>
      ) : (
        <CheckList checks={result.checks} label="Checks" />
      )}
      {result.grade && <GradeNote grade={result.grade} />}
      <p className="eval-details__timing">{fullTimings(result)}</p>
    </div>
  );
}

/** The judge's opinion, apart from the checks and never counted in the verdict. */
export function GradeNote({ grade }: { grade: Grade }) {
  return (
    <div className="eval-grade" data-testid="grade">
      <span className="eval-grade__label" title={`Graded by ${grade.judge}`}>
        Judge’s grade <span className="eval-grade__note">· not counted in pass or fail</span>
      </span>
      {grade.error ? (
        <span className="muted">Could not grade: {grade.error}</span>
      ) : (
        <span>
          {grade.score !== null && <strong>{grade.score} of 5</strong>}
          {grade.pass !== null && <> · {grade.pass ? 'would pass' : 'would fail'}</>}
          {grade.reason && <> — {grade.reason}</>}
        </span>
      )}
    </div>
  );
}

/** Each check with its verdict in shape and word, and why it failed. */
export function CheckList({ checks, label }: { checks: readonly CheckVerdict[]; label: string }) {
  return (
    <ul className="eval-checks" aria-label={label}>
      {checks.map((check, index) => (
        <li key={index} className={`eval-check eval-check--${check.passed ? 'pass' : 'fail'}`} data-testid="check">
          <span aria-hidden="true">{check.passed ? '✓' : '✕'}</span>
          <span>
            <span className="visually-hidden">{check.passed ? 'Passed: ' : 'Failed: '}</span>
            {check.label}
            {check.detail && <span className="eval-check__detail"> — {check.detail}</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}
