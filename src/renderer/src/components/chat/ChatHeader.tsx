import { selectChatModel, selectChatModelOptions, selectCompareModel } from '../../store/chat-selectors';
import { selectChatStreaming } from '../../store/chat-slice';
import { useAppStore } from '../../store/store-context';
import { ModelPicker } from './ModelPicker';

/** The model pickers, the Compare toggle and the settings panel button. */
export function ChatHeader() {
  const options = useAppStore(selectChatModelOptions);
  const model = useAppStore(selectChatModel);
  const compareModel = useAppStore(selectCompareModel);
  const compare = useAppStore((s) => s.chat.compare);
  const title = useAppStore((s) => s.chat.current?.title ?? null);
  const settingsOpen = useAppStore((s) => s.chat.settingsOpen);
  const streaming = useAppStore(selectChatStreaming);
  const pickChatModel = useAppStore((s) => s.pickChatModel);
  const pickCompareModel = useAppStore((s) => s.pickCompareModel);
  const setCompare = useAppStore((s) => s.setCompare);
  const toggleChatSettings = useAppStore((s) => s.toggleChatSettings);

  return (
    <header className="chat-header">
      <div className="chat-header__top">
        <h2 className="chat-header__title truncate" title={title ?? undefined}>
          {title ?? 'New conversation'}
        </h2>
        <button
          type="button"
          className="button button--small"
          aria-pressed={settingsOpen}
          // Only while the panel exists: an id that points at nothing is worse than none.
          aria-controls={settingsOpen ? 'chat-settings-panel' : undefined}
          data-testid="chat-settings-toggle"
          onClick={() => toggleChatSettings()}
        >
          Settings
        </button>
      </div>
      <div className="chat-header__controls">
        <ModelPicker label="Model" value={model} options={options} onChange={pickChatModel} testId="chat-model-picker" disabled={streaming} />
        <label className="chat-toggle" title="Send each message to two models and show their replies side by side">
          <input type="checkbox" data-testid="chat-compare-toggle" checked={compare} disabled={streaming || options.length < 2} onChange={(e) => setCompare(e.target.checked)} />
          Compare
        </label>
        {compare && (
          <ModelPicker label="Compare with" value={compareModel} options={options} onChange={pickCompareModel} testId="chat-compare-picker" disabled={streaming} />
        )}
      </div>
    </header>
  );
}
