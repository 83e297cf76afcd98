import { useState } from 'react';
import { selectBaseModelViews } from '../../store/base-model-selectors';
import { selectOllamaUsable } from '../../store/ollama-usable';
import { selectReadOnly } from '../../store/selectors';
import { useAppStore } from '../../store/store-context';
import { AddBaseModelDialog } from './AddBaseModelDialog';
import { BaseModelRow } from './BaseModelRow';
import { DeleteBaseModelDialog } from './DeleteBaseModelDialog';
import { RemoveBaseModelDialog } from './RemoveBaseModelDialog';
import { UnlistedBases } from './UnlistedBases';

type OpenDialog = { kind: 'add'; name: string } | { kind: 'delete'; name: string } | { kind: 'remove'; name: string } | null;

/**
 * The Ollama models the registry's Modelfiles build on: what Ollama has, how big, which registry
 * models need each one; add, pull (with progress, cancel and resume), load, delete from Ollama,
 * and remove from the list.
 */
export function BaseModelsPage() {
  const rows = useAppStore(selectBaseModelViews);
  const online = useAppStore(selectOllamaUsable);
  const readOnly = useAppStore(selectReadOnly);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const close = () => setDialog(null);
  const row = dialog && dialog.kind !== 'add' ? rows.find((r) => r.name === dialog.name) : undefined;
  const addButton = (
    <button
      type="button"
      className="button button--primary"
      data-testid="add-base-model"
      disabled={readOnly}
      title={readOnly ? 'Read-only until model_settings.json is fixed' : undefined}
      onClick={() => setDialog({ kind: 'add', name: '' })}
    >
      Add base model
    </button>
  );

  return (
    <section className="page" aria-labelledby="base-models-title">
      <header className="page__header">
        <h1 id="base-models-title">Base models</h1>
        <p className="page__summary">
          {rows.length} {rows.length === 1 ? 'base model' : 'base models'}
        </p>
        <div className="page__actions">{addButton}</div>
      </header>
      <div className="page__scroll page__scroll--padded">
        <p className="section-hint">
          The Ollama models your Modelfiles start <code>FROM</code>, as listed under <code>base_models</code> in model_settings.json.
        </p>
        {rows.length === 0 ? (
          <section className="empty-state" aria-labelledby="no-base-models-title">
            <h2 id="no-base-models-title">The registry lists no base models</h2>
            <p>Add the models you build on to see whether Ollama has them, pull them, and see which of your models need each one.</p>
          </section>
        ) : (
          <div className="table-wrap table-wrap--menus">
            <table className="data-table data-table--stack base-table" data-testid="base-models-table">
              <thead>
                <tr>
                  <th scope="col">Display name</th>
                  <th scope="col">Name</th>
                  <th scope="col">Description</th>
                  <th scope="col" className="num">
                    Size
                  </th>
                  <th scope="col">Status</th>
                  <th scope="col">In Ollama</th>
                  <th scope="col" className="num">
                    Used by
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((view) => (
                  <BaseModelRow
                    key={view.name}
                    view={view}
                    online={online}
                    onDelete={() => setDialog({ kind: 'delete', name: view.name })}
                    onRemove={() => setDialog({ kind: 'remove', name: view.name })}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
        <UnlistedBases onAdd={(name) => setDialog({ kind: 'add', name })} />
      </div>
      {dialog?.kind === 'add' && <AddBaseModelDialog initialName={dialog.name} onClose={close} />}
      {dialog?.kind === 'delete' && <DeleteBaseModelDialog name={dialog.name} dependents={row?.dependents ?? []} onClose={close} />}
      {dialog?.kind === 'remove' && <RemoveBaseModelDialog name={dialog.name} dependents={row?.dependents.length ?? 0} onClose={close} />}
    </section>
  );
}
