import { KEEP_ALIVE_CHOICES } from '../../../../shared/keep-alive';
import { modelKey, sameModel } from '../../../../shared/model-name';
import { selectOllamaUsable } from '../../store/ollama-usable';
import { useAppStore } from '../../store/store-context';
import { MenuButton, type MenuItem } from '../common/MenuButton';
import { useOllamaGate } from '../common/use-ollama-gate';

interface LoadModelButtonProps {
  /** The Ollama name. */
  model: string;
  /** What the user calls it, for labels. */
  title: string;
  /** False when Ollama does not have the model (not built, not pulled). */
  available: boolean;
  small?: boolean;
}

/** The menu items that load a model for a chosen time, or unload it: for a card's menu. */
export function useLoadMenuItems(model: string, available: boolean): MenuItem[] {
  const loaded = useAppStore((s) => s.running?.some((m) => sameModel(m.name, model)) ?? false);
  const online = useAppStore(selectOllamaUsable);
  const busy = useAppStore((s) => s.runningBusy[modelKey(model)] !== undefined);
  const loadModel = useAppStore((s) => s.loadModel);
  const unloadModel = useAppStore((s) => s.unloadModel);
  const disabled = !online || !available || busy;
  const items: MenuItem[] = KEEP_ALIVE_CHOICES.map((choice) => ({
    id: `load-${choice.id}`,
    label: loaded && choice.value === null ? 'Reload (Ollama’s default time)' : choice.label,
    onSelect: () => void loadModel(model, choice.value),
    disabled,
  }));
  if (loaded) items.push({ id: 'unload', label: 'Unload from memory', onSelect: () => void unloadModel(model), disabled: !online || busy });
  return items;
}

/**
 * Load (Ollama's default time) or Unload in one click, and the other durations in a menu beside
 * it: 30 minutes, 2 hours, or until unloaded.
 */
export function LoadModelButton({ model, title, available, small = true }: LoadModelButtonProps) {
  const loaded = useAppStore((s) => s.running?.some((m) => sameModel(m.name, model)) ?? false);
  const busy = useAppStore((s) => s.runningBusy[modelKey(model)]);
  const gate = useOllamaGate();
  const loadModel = useAppStore((s) => s.loadModel);
  const unloadModel = useAppStore((s) => s.unloadModel);
  const items = useLoadMenuItems(model, available).filter((item) => item.id !== 'load-default' && item.id !== 'unload');
  const why = gate.reason ?? (!available ? 'Ollama does not have this model yet' : null);
  const label = busy === 'loading' ? 'Loading…' : busy === 'unloading' ? 'Unloading…' : loaded ? 'Unload' : 'Load';
  return (
    <span className="load-button" data-testid="load-model" data-loaded={loaded || undefined}>
      <button
        type="button"
        className={`button${small ? ' button--small' : ''}`}
        data-testid={loaded ? 'unload-button' : 'load-button'}
        disabled={busy !== undefined || (loaded ? gate.blocked : why !== null)}
        aria-busy={busy !== undefined}
        title={why ?? (loaded ? `Unload ${title} from memory now` : `Load ${title} into memory for Ollama's default time`)}
        aria-describedby={gate.describedBy}
        onClick={() => void (loaded ? unloadModel(model) : loadModel(model, null))}
      >
        {label}
      </button>
      {gate.note}
      <MenuButton label={`Load options for ${title}`} items={items} icon={<span aria-hidden="true">▾</span>} {...(why ? { note: why } : {})} />
    </span>
  );
}
