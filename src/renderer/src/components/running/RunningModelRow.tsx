import type { RunningModel } from '../../../../shared/contract';
import { modelKey } from '../../../../shared/model-name';
import { useNow } from '../../hooks/use-now';
import { displayNameOf } from '../../models/model-labels';
import { formatMemory, formatUnloadTime, unloadTime } from '../../models/running-format';
import { findModelEntry } from './find-model-entry';
import { useAppStore } from '../../store/store-context';
import { ModelName } from '../names/ModelName';

interface RunningModelRowProps {
  model: RunningModel;
  /** `chip`: one line in the status bar; `row`: a list item in the panel. */
  variant: 'chip' | 'row';
}

/** A loaded model: its name (display name when registered), memory, a live countdown to unload, and Unload. */
export function RunningModelRow({ model, variant }: RunningModelRowProps) {
  const entry = useAppStore((s) => findModelEntry(s.snapshot?.registry.models, model.name));
  const busy = useAppStore((s) => s.runningBusy[modelKey(model.name)] === 'unloading');
  const unloadModel = useAppStore((s) => s.unloadModel);
  const now = useNow(true, 1000);
  const title = entry ? displayNameOf(entry) : model.name;
  const time = unloadTime(model.expiresAt, now);
  const countdown = formatUnloadTime(time);
  const memory = formatMemory(model);
  const unload = (
    <button
      type="button"
      className={variant === 'chip' ? 'running-chip__unload' : 'button button--small'}
      data-testid="running-unload"
      aria-label={`Unload ${title}`}
      title={`Unload ${title} from memory now`}
      disabled={busy}
      aria-busy={busy}
      onClick={() => void unloadModel(model.name)}
    >
      {variant === 'chip' ? <span aria-hidden="true">⏏</span> : busy ? 'Unloading…' : 'Unload'}
    </button>
  );

  if (variant === 'chip') {
    return (
      <span className="running-chip" data-testid="running-chip" data-model-name={model.name} title={`${model.name}\n${memory}\n${countdown}`}>
        <ModelName text={title} className="running-chip__name" />
        <span className="running-chip__memory">{memory}</span>
        <span className="running-chip__time" data-testid="running-countdown" data-forever={time.kind === 'forever' || undefined}>
          {time.kind === 'forever' ? '∞' : countdown.replace(/^Unloads in /, '')}
        </span>
        {unload}
      </span>
    );
  }
  return (
    <li className="running-row" data-testid="running-row" data-model-name={model.name}>
      <div className="running-row__names">
        <ModelName text={title} className="running-row__title" />
        {entry && (
          <span className="running-row__name mono" title={model.name}>
            {model.name}
          </span>
        )}
      </div>
      <span className="running-row__memory" data-testid="running-memory">
        {memory}
      </span>
      <span className="running-row__time" data-testid="running-countdown">
        {countdown}
      </span>
      {unload}
    </li>
  );
}
