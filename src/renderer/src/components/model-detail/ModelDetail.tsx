import { useEffect, useId, useRef, useState } from 'react';
import type { DetailTab } from '../../store/detail-slice';
import { selectActiveCreateFor, selectJobsFor } from '../../store/job-selectors';
import { selectOllamaUnavailable } from '../../store/ollama-usable';
import { normalizeModelfilePath } from '../../store/modelfile-path';
import { selectDocument } from '../../store/modelfile-selectors';
import { isDirty } from '../../store/modelfile-slice';
import { selectReadOnly } from '../../store/selectors';
import { useAppStore } from '../../store/store-context';
import { UnsavedChangesDialog } from '../editor/UnsavedChangesDialog';
import { DetailHeader } from './DetailHeader';
import { DetailTabs, panelId, tabId } from './DetailTabs';
import { HistoryTab } from './HistoryTab';
import { ModelfileTab } from './ModelfileTab';
import { ModelJobStrip } from './ModelJobStrip';
import { OverviewTab } from './OverviewTab';
import { VersionsTab } from './VersionsTab';
import { ownValue } from '../../../../shared/own-key';

/** Focus goes back to the card that opened the detail (once the grid is no longer inert). */
function focusCard(name: string): void {
  window.setTimeout(() => {
    const cards = document.querySelectorAll<HTMLElement>('[data-testid="model-card"]');
    const card = [...cards].find((c) => c.dataset.modelName === name);
    card?.querySelector<HTMLElement>('[data-testid="model-card-open"]')?.focus();
  }, 0);
}

function inEditor(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('.cm-editor') !== null;
}

/** A model's detail over the Models page: Overview, Modelfile (the editor), Versions and History, with its job on top. */
export function ModelDetail({ name, tab }: { name: string; tab: DetailTab }) {
  const idBase = useId();
  const model = useAppStore((s) => ownValue(s.snapshot?.registry.models, name));
  const path = normalizeModelfilePath(model?.modelfile ?? '');
  const doc = useAppStore(selectDocument(path));
  const dirty = isDirty(doc);
  const historyCount = useAppStore(selectJobsFor(name)).length;
  const readOnly = useAppStore(selectReadOnly);
  const closeModel = useAppStore((s) => s.closeModel);
  const setDetailTab = useAppStore((s) => s.setDetailTab);
  const saveDocument = useAppStore((s) => s.saveDocument);
  const discardDraft = useAppStore((s) => s.discardDraft);
  const requestCreate = useAppStore((s) => s.requestCreate);
  const notify = useAppStore((s) => s.notify);
  const creating = useAppStore(selectActiveCreateFor(name)) !== null;
  const ollamaUnavailable = useAppStore(selectOllamaUnavailable);
  const commandRequest = useAppStore((s) => s.commandRequest);
  const [confirming, setConfirming] = useState(false);

  const close = () => {
    closeModel();
    focusCard(name);
  };
  const requestClose = () => (dirty ? setConfirming(true) : close());
  // What is built is the file on disk: unsaved edits are saved first, as the editor's own button does.
  const create = async () => {
    if (dirty && doc) {
      const saved = await saveDocument(path);
      if (!saved.ok) return;
      await requestCreate(name, doc.text);
    } else await requestCreate(name);
  };
  // Ctrl/Cmd+Enter and the menu's Create: the header's button, with its reasons for being disabled said aloud.
  const createFromShortcut = () => {
    const blocked = readOnly
      ? 'The registry is read-only until model_settings.json is fixed.'
      : (ollamaUnavailable ?? (creating ? 'It is being created now: see the job above.' : null));
    if (blocked) notify({ tone: 'info', title: `Cannot create ${name} now`, message: blocked, key: `shortcut-create:${name}` });
    else void create();
  };
  const saveFromShortcut = () => {
    if (dirty) void saveDocument(path);
  };
  // The key handler and the menu request run the latest of these (they close over the draft).
  const shortcuts = useRef({ save: saveFromShortcut, create: createFromShortcut });
  useEffect(() => {
    shortcuts.current = { save: saveFromShortcut, create: createFromShortcut };
  });

  // A menu command asked for after this detail opened (never one left over from before).
  const seenCommand = useRef(commandRequest?.seq ?? 0);
  useEffect(() => {
    if (!commandRequest || commandRequest.seq <= seenCommand.current) return;
    seenCommand.current = commandRequest.seq;
    if (document.querySelector('dialog[open]')) return;
    if (commandRequest.command === 'editor.save') shortcuts.current.save();
    else shortcuts.current.create();
  }, [commandRequest]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      // Ctrl/Cmd+S saves the Modelfile from anywhere in the detail (and never saves the page).
      // Handled keys are prevented, so the desktop menu's accelerator for the same key does not act again.
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        shortcuts.current.save();
        return;
      }
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key === 'Enter') {
        if (document.querySelector('dialog[open]')) return;
        event.preventDefault();
        shortcuts.current.create();
        return;
      }
      // A dialog, an open completion list or a menu handles its own Esc first; in the editor Esc
      // belongs to the editor (closing its lists, leaving a selection) and never closes the page.
      if (event.key !== 'Escape' || document.querySelector('dialog[open]') || inEditor(event.target)) return;
      event.preventDefault();
      if (dirty) setConfirming(true);
      else {
        closeModel();
        focusCard(name);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [dirty, closeModel, name]);

  // Focus moves into the detail on open, unless something in it took focus already (the editor, revealing an error).
  useEffect(() => {
    const title = document.getElementById(`${idBase}-title`);
    if (title && !title.closest('[data-testid="model-detail"]')?.contains(document.activeElement)) title.focus();
  }, [idBase, name]);

  if (!model) {
    return (
      <section className="detail" aria-label="Model" data-testid="model-detail">
        <div className="detail__message" role="alert">
          <p>
            <code>{name}</code> is no longer in the registry.
          </p>
          <button type="button" className="button" onClick={close}>
            Back to the models
          </button>
        </div>
      </section>
    );
  }

  return (
    <section className="detail" aria-labelledby={`${idBase}-title`} data-testid="model-detail" data-model-name={model.name}>
      <DetailHeader
        model={model}
        titleId={`${idBase}-title`}
        dirty={dirty}
        readOnly={readOnly}
        primaryAction={tab !== 'modelfile'}
        onClose={requestClose}
        onCreate={() => void create()}
      />
      <ModelJobStrip model={model} />
      <DetailTabs idBase={idBase} tab={tab} dirty={dirty} historyCount={historyCount} onSelect={setDetailTab} />
      <div
        role="tabpanel"
        id={panelId(idBase, 'overview')}
        aria-labelledby={tabId(idBase, 'overview')}
        className="detail__panel detail__panel--scroll"
        hidden={tab !== 'overview'}
      >
        {tab === 'overview' && <OverviewTab model={model} />}
      </div>
      {/* Always mounted: switching tabs keeps the editor, its undo history and its scroll position. */}
      <div role="tabpanel" id={panelId(idBase, 'modelfile')} aria-labelledby={tabId(idBase, 'modelfile')} className="detail__panel" hidden={tab !== 'modelfile'}>
        <ModelfileTab model={model} active={tab === 'modelfile'} />
      </div>
      <div
        role="tabpanel"
        id={panelId(idBase, 'versions')}
        aria-labelledby={tabId(idBase, 'versions')}
        className="detail__panel detail__panel--scroll"
        hidden={tab !== 'versions'}
      >
        {tab === 'versions' && <VersionsTab model={model} />}
      </div>
      <div
        role="tabpanel"
        id={panelId(idBase, 'history')}
        aria-labelledby={tabId(idBase, 'history')}
        className="detail__panel detail__panel--scroll"
        hidden={tab !== 'history'}
      >
        {tab === 'history' && <HistoryTab model={model} />}
      </div>
      {confirming && (
        <UnsavedChangesDialog
          path={path}
          saving={doc?.saving ?? false}
          onCancel={() => setConfirming(false)}
          onDiscard={() => {
            discardDraft(path);
            setConfirming(false);
            close();
          }}
          onSave={async () => {
            const saved = await saveDocument(path);
            setConfirming(false);
            // A refused save opens the conflict prompt; the detail stays open for it.
            if (saved.ok) close();
          }}
        />
      )}
    </section>
  );
}
