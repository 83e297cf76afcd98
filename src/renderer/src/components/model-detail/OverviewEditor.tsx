import { useMemo } from 'react';
import { sameModel } from '../../../../shared/model-name';
import { parse } from '../../../../shared/modelfile';
import { KNOWN_ENTRY_KEYS } from '../../../../shared/entry-fields';
import type { ModelEntry } from '../../../../shared/registry';
import { formatWhen } from '../../models/job-format';
import { baseModelOf } from '../../models/modelfile-base';
import { selectDocument, selectOllamaNames } from '../../store/modelfile-selectors';
import { selectProblem, selectReadOnly } from '../../store/selectors';
import { useAppStore } from '../../store/store-context';
import { InlineField } from './InlineField';
import { InlineToggle } from './InlineToggle';
import { QuantizeSetting } from './QuantizeSetting';
import { ownValue } from '../../../../shared/own-key';

/** What the saved Modelfile builds FROM, when it names a model; null while unknown. */
function useModelfileBase(path: string): string | null {
  const saved = useAppStore((s) => selectDocument(path)(s)?.savedText);
  return useMemo(() => (saved ? baseModelOf(parse(saved).modelfile) : null), [saved]);
}

/** The base model's registry name and whether Ollama has it (unknown while offline). */
function BaseFacts({ name }: { name: string }) {
  const display = useAppStore((s) => (name ? ownValue(s.snapshot?.registry.base_models, name)?.display_name : undefined));
  const inOllama = useAppStore((s) => {
    const names = selectOllamaNames(s);
    return names && name ? names.some((m) => sameModel(m.name, name)) : null;
  });
  if (!name) return null;
  return (
    <>
      {display ? `${display} · ` : ''}
      {inOllama !== null && (
        <span className={inOllama ? 'in-ollama--yes' : 'in-ollama--no'} data-testid="base-in-ollama">
          {inOllama ? 'in Ollama' : 'not in Ollama'}
        </span>
      )}
    </>
  );
}

/** The registry entry, edited in place; read-only (with the reason) while the file is invalid. */
export function OverviewEditor({ model }: { model: ModelEntry }) {
  const readOnly = useAppStore(selectReadOnly);
  const problem = useAppStore(selectProblem);
  const defaultModel = useAppStore((s) => s.snapshot?.registry.default_model ?? null);
  const editModel = useAppStore((s) => s.editModel);
  const chooseDefault = useAppStore((s) => s.chooseDefault);
  const openDialog = useAppStore((s) => s.openModelOpsDialog);
  const fromBase = useModelfileBase(model.modelfile);
  const isDefault = defaultModel === model.name;
  const edit = (field: string) => (value: unknown) => editModel(model.name, { [field]: value });
  const extras = Object.entries(model).filter(([key]) => !KNOWN_ENTRY_KEYS.has(key));

  return (
    <>
      <section className="overview__section" aria-labelledby="overview-entry-title" data-testid="overview-editor">
        <h2 id="overview-entry-title">Registry entry</h2>
        {readOnly && (
          <p className="field-hint overview__readonly" role="note" data-testid="overview-readonly">
            Read-only: model_settings.json is invalid{problem ? ` (${problem.message})` : ''}. Fix the file on disk; editing comes back as soon as
            it is valid.
          </p>
        )}
        <div className="entry-form">
          <div className="inline-field">
            <span className="inline-field__label">Ollama name</span>
            <div className="inline-field__control">
              <code className="mono truncate" title={model.name}>
                {model.name}
              </code>
              <button type="button" className="button button--small" disabled={readOnly} data-testid="overview-rename" onClick={() => openDialog({ kind: 'rename', name: model.name })}>
                Rename…
              </button>
            </div>
          </div>
          <InlineField
            field="display_name"
            label="Display name"
            value={model.display_name}
            disabled={readOnly}
            check={(value) => (value.trim() === '' ? 'The display name cannot be empty.' : null)}
            save={(value) => edit('display_name')(value.trim())}
          />
          <InlineField field="description" label="Description" value={model.description} multiline disabled={readOnly} save={edit('description')} />
          <InlineField field="version" label="Version" value={model.version} disabled={readOnly} hint="A short label such as v2, usually the -v2 at the end of the name." save={(value) => edit('version')(value.trim())} />
          <InlineField
            field="base_model"
            label="Base model"
            value={model.base_model}
            mono
            disabled={readOnly}
            hint={
              <>
                For information: the Modelfile’s FROM decides what it is built on
                {fromBase && !sameModel(fromBase, model.base_model || ' ') ? (
                  <>
                    , and it says <code>{fromBase}</code>
                  </>
                ) : null}
                . <BaseFacts name={model.base_model} />
              </>
            }
            save={(value) => edit('base_model')(value.trim())}
          />
          <div className="inline-field">
            <span className="inline-field__label">Modelfile</span>
            <div className="inline-field__control">{model.modelfile ? <code className="path">{model.modelfile}</code> : <span className="muted">None</span>}</div>
          </div>
          <QuantizeSetting model={model} base={fromBase ?? model.base_model} disabled={readOnly} />
          <InlineToggle
            field="default_model"
            label="Default model"
            checked={isDefault}
            disabled={readOnly}
            hint={isDefault ? 'Chat and the API use it when no model is named.' : defaultModel ? `Now ${defaultModel}; this replaces it.` : 'There is no default model now.'}
            save={(checked) => chooseDefault(checked ? model.name : null)}
          />
          <InlineToggle field="show_in_ui" label="Shown in UI" checked={model.show_in_ui} disabled={readOnly} save={edit('show_in_ui')} />
          <InlineToggle field="auto_preload" label="Preload when the app starts" checked={model.auto_preload} disabled={readOnly} save={edit('auto_preload')} />
          <dl className="facts">
            <dt>Added</dt>
            <dd>{formatWhen(model.created_at)}</dd>
            <dt>Last updated</dt>
            <dd>{formatWhen(model.last_updated)}</dd>
          </dl>
        </div>
      </section>
      {extras.length > 0 && (
        <section className="overview__section" aria-labelledby="overview-extra-title" data-testid="overview-extras">
          <h2 id="overview-extra-title">Other fields</h2>
          <p className="section-hint">Fields of your own in model_settings.json, kept on every save. Yes/no and text fields can be edited here.</p>
          <div className="entry-form">
            {extras.map(([key, value]) =>
              typeof value === 'boolean' ? (
                <InlineToggle key={key} field={key} label={key} checked={value} disabled={readOnly} save={edit(key)} />
              ) : typeof value === 'string' ? (
                <InlineField key={key} field={key} label={key} value={value} mono disabled={readOnly} save={edit(key)} />
              ) : (
                <div key={key} className="inline-field">
                  <span className="inline-field__label mono">{key}</span>
                  <div className="inline-field__control mono" data-testid={`field-${key}`}>
                    {JSON.stringify(value)}
                  </div>
                </div>
              ),
            )}
          </div>
        </section>
      )}
    </>
  );
}
