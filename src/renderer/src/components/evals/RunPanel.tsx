import { useId, useMemo, useState } from 'react';
import type { PromptSet } from '../../../../shared/eval/prompt-set';
import type { ModelEntry } from '../../../../shared/registry';
import { displayNameOf, versionLabel } from '../../models/model-labels';
import { selectActiveEvalJob } from '../../store/eval-selectors';
import { selectModels } from '../../store/selectors';
import { useAppStore } from '../../store/store-context';
import { ProgressBar } from '../common/ProgressBar';
import { ModelName } from '../names/ModelName';
import { evalProgress } from './eval-format';

const NO_JUDGE = '';

interface RunPanelProps {
  family: string;
  set: PromptSet;
  /** The family's versions, newest first. */
  members: readonly ModelEntry[];
  /** The set is being edited and not saved: a run would use the file on disk, not what is on screen. */
  unsavedEdits?: boolean;
}

/** Choose versions (the two newest by default), base models and a judge; Run; progress and Cancel while it runs. */
export function RunPanel({ family, set, members, unsavedEdits = false }: RunPanelProps) {
  const titleId = useId();
  const models = useAppStore(selectModels);
  const startEval = useAppStore((s) => s.startEval);
  const cancelJob = useAppStore((s) => s.cancelJob);
  const active = useAppStore(useMemo(() => selectActiveEvalJob(family), [family]));
  const bases = useMemo(() => [...new Set(members.map((m) => m.base_model).filter((b) => b !== ''))].sort(), [members]);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(members.slice(0, 2).map((m) => m.name)));
  const [judge, setJudge] = useState<string>(set.judge ?? NO_JUDGE);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const toggle = (name: string) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (next.has(name)) next.delete(name);
      else next.add(name);
      return next;
    });

  // Shown oldest first, base models before the versions built on them.
  const order = [...bases.filter((b) => chosen.has(b)), ...[...members].reverse().filter((m) => chosen.has(m.name)).map((m) => m.name)];
  const run = async () => {
    setStarting(true);
    setError(null);
    const result = await startEval({ family, models: order, judge: judge === NO_JUDGE ? null : judge });
    setStarting(false);
    if (!result.ok) setError(result.error.message);
  };

  const progress = active ? evalProgress(active) : null;
  return (
    <section className="eval-section" aria-labelledby={titleId} data-testid="run-panel">
      <div className="eval-section__head">
        <h2 id={titleId}>Run</h2>
        <p className="eval-section__meta">
          Each case is asked once per model, with temperature 0 and the same sampling every time, so answers repeat, unless the set says otherwise.
        </p>
      </div>
      <div className="eval-run">
        <fieldset className="eval-run__group">
          <legend>Versions</legend>
          {members.length === 0 && <p className="muted">No registered version of this family.</p>}
          {members.map((m) => (
            <label key={m.name} className="eval-run__choice">
              <input type="checkbox" checked={chosen.has(m.name)} onChange={() => toggle(m.name)} disabled={active !== null} />
              <span className="version-badge">{versionLabel(m) ?? '—'}</span>
              <ModelName text={displayNameOf(m)} className="eval-run__name" />
            </label>
          ))}
        </fieldset>
        {bases.length > 0 && (
          <fieldset className="eval-run__group">
            <legend>Base models (optional, to see what the Modelfile adds)</legend>
            {bases.map((b) => (
              <label key={b} className="eval-run__choice">
                <input type="checkbox" checked={chosen.has(b)} onChange={() => toggle(b)} disabled={active !== null} />
                <ModelName text={b} mono className="eval-run__name" />
              </label>
            ))}
          </fieldset>
        )}
        <div className="eval-run__group">
          <label className="eval-run__judge">
            <span>Judge (grades answers against each case’s rubric)</span>
            <select value={judge} onChange={(event) => setJudge(event.target.value)} disabled={active !== null}>
              <option value={NO_JUDGE}>No judge</option>
              {Object.values(models).map((m) => (
                <option key={m.name} value={m.name}>
                  {displayNameOf(m)}
                </option>
              ))}
              {set.judge && !(set.judge in models) && <option value={set.judge}>{set.judge}</option>}
            </select>
          </label>
        </div>
      </div>
      {active && progress ? (
        <div className="eval-progress" data-testid="eval-progress">
          <p className="eval-progress__text" role="status" aria-live="polite">
            {progress.text}
          </p>
          <ProgressBar percent={progress.percent} label="Evaluation progress" />
          <button type="button" className="button" onClick={() => void cancelJob(active.id)} disabled={active.state !== 'running' && active.state !== 'queued'}>
            Cancel
          </button>
          <span className="muted">Cancelling keeps every case that finished.</span>
        </div>
      ) : (
        <div className="eval-run__actions">
          <button
            type="button"
            className="button button--primary"
            disabled={order.length === 0 || starting || unsavedEdits}
            onClick={() => void run()}
            data-testid="eval-run"
          >
            {starting ? 'Starting…' : order.length === 0 ? 'Run' : `Run ${set.cases.length} ${set.cases.length === 1 ? 'case' : 'cases'} on ${order.length} ${order.length === 1 ? 'model' : 'models'}`}
          </button>
          {unsavedEdits && <span className="muted">Save the prompt set first: a run uses the file as saved.</span>}
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
