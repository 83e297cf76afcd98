import { useId, useState } from 'react';
import { formatBytes } from '../../models/format-bytes';
import { isActive } from '../../models/job-format';
import { labelOf } from '../../models/model-labels';
import type { BaseModelView } from '../../store/base-model-selectors';
import { selectLatestJobFor } from '../../store/job-selectors';
import { selectModels } from '../../store/selectors';
import { useAppStore } from '../../store/store-context';
import { StatusChip } from '../common/StatusChip';
import { JobProgress } from '../jobs/JobProgress';
import { ollamaWaitText } from '../../models/ollama-wait';
import { BaseModelActions, canResumePull, pullEndedBadly } from './BaseModelActions';
import { MessageText } from '../text/MessageText';

const IN_OLLAMA_TEXT = { yes: 'Yes', no: 'No', unknown: 'Unknown' } as const;
const COLUMNS = 8;

interface BaseModelRowProps {
  view: BaseModelView;
  online: boolean;
  onDelete(): void;
  onRemove(): void;
}

/** One base model, and under it, when there is something to show: its pull's progress or failure, and the models built on it. */
export function BaseModelRow({ view, online, onDelete, onRemove }: BaseModelRowProps) {
  const job = useAppStore(selectLatestJobFor(view.name));
  const models = useAppStore(selectModels);
  const openModel = useAppStore((s) => s.openModel);
  const [expanded, setExpanded] = useState(false);
  const detailId = useId();
  const { name, entry, dependents } = view;
  const inOllama = view.inOllama === null ? 'unknown' : view.inOllama ? 'yes' : 'no';
  const size = entry.size ?? (view.ollamaSize !== null ? formatBytes(view.ollamaSize) : null);
  const pulling = job?.kind === 'pull' && isActive(job) ? job : null;
  // A failed pull matters until the model is there; a later success or a delete supersedes it.
  const pullProblem = view.inOllama !== true && pullEndedBadly(job) && job.state !== 'cancelled' ? job : null;
  const deleteFailed = job?.kind === 'delete' && job.state === 'failed' ? job : null;
  const showDetail = expanded || pulling !== null || pullProblem !== null || deleteFailed !== null;
  const title = entry.display_name.trim() || name;

  return (
    <>
      <tr data-testid="base-model-row" data-model-name={name} data-ollama={inOllama} className={showDetail ? 'has-detail' : undefined}>
        <th scope="row" className="truncate" title={title}>
          {title}
        </th>
        <td className="mono truncate" title={name}>
          {name}
        </td>
        <td className="stack-full" title={entry.description || undefined}>
          {/* The clamp lives on an inner block: a table cell must keep display: table-cell. */}
          <span className="clamp-2">{entry.description || <span className="muted">—</span>}</span>
        </td>
        <td className="num" data-label="Size">
          {size ?? '—'}
        </td>
        <td>
          <StatusChip status={pulling ? 'creating' : entry.status} {...(pulling ? { label: 'Pulling', hint: 'Ollama is downloading it' } : {})} />
        </td>
        <td data-in-ollama={inOllama} data-label="In Ollama">
          <span className={`in-ollama in-ollama--${inOllama}`}>{IN_OLLAMA_TEXT[inOllama]}</span>
        </td>
        <td className="num" data-testid="base-used-by-cell" data-label="Used by">
          {dependents.length === 0 ? (
            <span className="muted" title="No registry model is built on it">
              0
            </span>
          ) : (
            <button
              type="button"
              className="link-button"
              data-testid="base-used-by"
              aria-expanded={expanded}
              aria-controls={showDetail ? detailId : undefined}
              title={`Registry models built on ${name}`}
              onClick={() => setExpanded((was) => !was)}
            >
              {dependents.length} {dependents.length === 1 ? 'model' : 'models'} <span aria-hidden="true">{expanded ? '▴' : '▾'}</span>
            </button>
          )}
        </td>
        <td className="actions-cell stack-end">
          <BaseModelActions view={view} job={job} online={online} onDelete={onDelete} onRemove={onRemove} />
        </td>
      </tr>
      {showDetail && (
        <tr className="base-detail" id={detailId} data-testid="base-model-detail">
          <td colSpan={COLUMNS} className="stack-full">
            {pulling?.progress && <JobProgress progress={pulling.progress} />}
            {pulling && !pulling.progress && (pulling.waitingSeconds ?? 0) === 0 && <p className="muted">Waiting for Ollama…</p>}
            {pulling && (pulling.waitingSeconds ?? 0) > 0 && (
              <p className="muted" role="status" data-testid="job-waiting">
                {ollamaWaitText(pulling.waitingSeconds ?? 0)}. Cancel stops waiting.
              </p>
            )}
            {pullProblem && (
              <div className="job-panel__error" data-testid="base-pull-error">
                <span className="job-panel__error-label">
                  {pullProblem.errorKind === 'not_found' ? 'Not found' : pullProblem.state === 'failed' ? 'The pull failed' : 'The pull was interrupted'}
                </span>
                <p className="job-panel__error-text">
                  <MessageText text={pullProblem.error ?? 'No reason was given.'} />
                </p>
                {canResumePull(pullProblem) && <span className="muted">Resume pull continues from what Ollama already downloaded.</span>}
              </div>
            )}
            {deleteFailed && (
              <div className="job-panel__error" data-testid="base-delete-error">
                <span className="job-panel__error-label">The delete failed</span>
                <pre>{deleteFailed.error}</pre>
              </div>
            )}
            {expanded && (
              <div className="base-dependents" data-testid="base-dependents">
                <span className="muted">Built on {name}:</span>
                <ul>
                  {dependents.map((model) => (
                    <li key={model}>
                      <button type="button" className="link-button" onClick={() => openModel(model)}>
                        {labelOf(models, model)}
                      </button>{' '}
                      <span className="mono muted">{model}</span>
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </td>
        </tr>
      )}
    </>
  );
}
