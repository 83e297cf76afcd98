import { useState } from 'react';
import type { ImportItem, ImportPlan } from '../../../../shared/import-plan';
import { findEntryKey } from '../../../../shared/import-plan';
import { selectModels } from '../../store/selectors';
import { useAppStore } from '../../store/store-context';
import type { ImportState } from '../../store/transfer-slice';
import { Dialog } from '../common/Dialog';
import { ImportItemRow } from './ImportItemRow';
import { defaultReachable, initialTicks, selectionOf, tickKey, type Ticks } from './import-selection';

/** The import, start to end: reading the file, what is wrong with it, what it would do (to tick), and what it did. */
export function ImportPlanDialog() {
  const state = useAppStore((s) => s.importState);
  const close = useAppStore((s) => s.closeImport);
  if (state.status === 'closed') return null;
  if (state.status === 'preview') return <PlanView key={state.fileName + state.content.length} state={state} onClose={close} />;
  return (
    <Dialog
      title={`Import ${state.fileName}`}
      testId="import-dialog"
      tone={state.status === 'invalid' ? 'danger' : 'default'}
      onCancel={close}
      actions={
        <button type="button" className="button" data-autofocus onClick={close}>
          {state.status === 'reading' ? 'Cancel' : 'Close'}
        </button>
      }
    >
      {state.status === 'reading' && (
        <p role="status">
          <span className="spinner" aria-hidden="true" /> Reading {state.fileName}…
        </p>
      )}
      {state.status === 'invalid' && (
        <div role="alert" data-testid="import-error">
          <p className="field-error">{state.error.message}</p>
          {(state.error.issues?.length ?? 0) > 0 && (
            <ul className="import-issues">
              {state.error.issues?.map((issue) => (
                <li key={`${issue.path}:${issue.message}`}>
                  <span className="mono">{issue.path}</span>: {issue.message}
                </li>
              ))}
            </ul>
          )}
          <p className="muted">Nothing was imported. Fix the file and pick it again.</p>
        </div>
      )}
      {state.status === 'done' && <DoneView outcome={state.outcome} />}
    </Dialog>
  );
}

function DoneView({ outcome }: { outcome: Extract<ImportState, { status: 'done' }>['outcome'] }) {
  return (
    <div data-testid="import-done">
      <p role="status">
        Added {outcome.added.length}, changed {outcome.changed.length}
        {outcome.defaultChanged && outcome.defaultModel ? `; ${outcome.defaultModel} is now the default` : ''}.
      </p>
      {outcome.skipped.length > 0 && (
        <>
          <p>Left as they were:</p>
          <ul className="import-issues" data-testid="import-skipped">
            {outcome.skipped.map((skip) => (
              <li key={`${skip.kind}:${skip.name}`}>
                <span className="mono">{skip.name}</span>: {skip.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function PlanView({ state, onClose }: { state: Extract<ImportState, { status: 'preview' }>; onClose(): void }) {
  const { plan } = state;
  const applyImport = useAppStore((s) => s.applyImport);
  const models = useAppStore(selectModels);
  const [ticks, setTicks] = useState<Ticks>(() => initialTicks(plan));
  const [makeDefault, setMakeDefault] = useState(false);
  const toggle = (item: ImportItem, checked: boolean) => setTicks((was) => ({ ...was, [tickKey(item)]: checked }));
  const canDefault = plan.defaultModel.action === 'change' && defaultReachable(plan, ticks, (name) => findEntryKey(models, name) !== undefined);
  const selection = selectionOf(plan, ticks, makeDefault && canDefault);
  const count = selection.models.length + selection.baseModels.length;
  const nothing = plan.counts.add + plan.counts.change === 0 && plan.defaultModel.action !== 'change';

  return (
    <Dialog
      title={`Import ${state.fileName}`}
      testId="import-dialog"
      onCancel={onClose}
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            {nothing ? 'Close' : 'Cancel'}
          </button>
          {!nothing && (
            <button
              type="button"
              className="button button--primary"
              data-testid="import-apply"
              data-autofocus
              disabled={state.applying || (count === 0 && !selection.defaultModel)}
              aria-busy={state.applying}
              onClick={() => void applyImport(selection)}
            >
              {state.applying ? 'Importing…' : count > 0 ? `Import ${count} ${count === 1 ? 'entry' : 'entries'}` : selection.defaultModel ? 'Set the default' : 'Import'}
            </button>
          )}
        </>
      }
    >
      <p data-testid="import-summary">{summaryOf(plan)}</p>
      {nothing ? (
        <p>Everything in this file is already here as it is: there is nothing to import.</p>
      ) : (
        <p className="muted">New entries are ticked. Changed entries replace what is here only if you tick them; the entries here keep any extra fields of their own.</p>
      )}
      <div className="import-plan">
        <PlanSection title="Models" items={plan.models} ticks={ticks} onToggle={toggle} />
        <PlanSection title="Base models" items={plan.baseModels} ticks={ticks} onToggle={toggle} />
        {plan.defaultModel.action === 'change' && (
          <section className="import-section" aria-label="Default model">
            <h3>Default model</h3>
            <label className="import-default">
              <input type="checkbox" data-testid="import-default" checked={makeDefault && canDefault} disabled={!canDefault} onChange={(event) => setMakeDefault(event.target.checked)} />
              Make <span className="mono">{plan.defaultModel.imported}</span> the default (now: {plan.defaultModel.current ? <span className="mono">{plan.defaultModel.current}</span> : 'none'})
            </label>
            {!canDefault && <p className="field-hint">Tick that model above to import it first.</p>}
          </section>
        )}
      </div>
      {state.error && (
        <p className="field-error" role="alert" data-testid="import-apply-error">
          {state.error.message}
        </p>
      )}
    </Dialog>
  );
}

function summaryOf(plan: ImportPlan): string {
  const parts = [`${plan.counts.add} new`, `${plan.counts.change} changed`, `${plan.counts.same} the same`];
  if (plan.counts.invalid > 0) parts.push(`${plan.counts.invalid} cannot be imported`);
  return parts.join(' · ');
}

function PlanSection({ title, items, ticks, onToggle }: { title: string; items: ImportItem[]; ticks: Ticks; onToggle(item: ImportItem, checked: boolean): void }) {
  if (items.length === 0) return null;
  const shown = items.filter((item) => item.action !== 'same');
  const same = items.filter((item) => item.action === 'same');
  return (
    <section className="import-section" aria-label={title}>
      <h3>
        {title} <span className="count-badge">{items.length}</span>
      </h3>
      {shown.length > 0 && (
        <ul className="import-list">
          {shown.map((item) => (
            <ImportItemRow key={tickKey(item)} item={item} checked={ticks[tickKey(item)] === true} onToggle={(checked) => onToggle(item, checked)} />
          ))}
        </ul>
      )}
      {same.length > 0 && (
        <details className="import-same">
          <summary>{same.length} already the same here</summary>
          <ul className="import-list">
            {same.map((item) => (
              <ImportItemRow key={tickKey(item)} item={item} checked={false} onToggle={() => undefined} />
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
