import type { ModelEntry } from '../../../../shared/registry';
import { parseVersionedName } from '../../../../shared/versions';
import { useBuildState } from '../../hooks/use-build-state';
import { formatWhen } from '../../models/job-format';
import { displayNameOf, versionLabel } from '../../models/model-labels';
import { selectFamily } from '../../store/model-ops-selectors';
import { selectReadOnly } from '../../store/selectors';
import { useAppStore } from '../../store/store-context';
import { StatusChip } from '../common/StatusChip';
import { OutdatedMarker } from '../models/OutdatedMarker';
import { AliasChips, FamilyAliasChips, useAliasesOf } from '../release/AliasChips';

/** A model's family side by side (newest first): version, names, base, status, build, freshness, actions. */
export function VersionsTab({ model }: { model: ModelEntry }) {
  const family = useAppStore(selectFamily(model.name));
  const readOnly = useAppStore(selectReadOnly);
  const open = useAppStore((s) => s.openModelOpsDialog);
  const openEvals = useAppStore((s) => s.openEvals);
  const newest = family[0] ?? model;
  const label = parseVersionedName(newest.name).family;
  return (
    <div className="versions" data-testid="versions">
      <header className="versions__head">
        <div>
          <h2>
            The <span className="mono">{label}</span> family
          </h2>
          <p className="section-hint">
            {family.length === 1 ? 'Only this version so far.' : `${family.length} versions, newest first.`} A new version copies a Modelfile and lets you pick another
            base model.
          </p>
          <FamilyAliasChips name={newest.name} removable />
        </div>
        <div className="versions__head-actions">
          <button type="button" className="button" data-testid="versions-evaluate" onClick={() => openEvals(label)} title="Run the family’s prompt set against chosen versions">
            Evaluate
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={readOnly}
            data-testid="versions-new"
            onClick={() => open({ kind: 'new-version', from: newest.name })}
          >
            New version from {versionLabel(newest) ?? displayNameOf(newest)}
          </button>
        </div>
      </header>
      <div className="table-wrap">
        <table className="data-table data-table--stack versions__table" aria-label={`Versions of ${label}`}>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Name</th>
              <th scope="col">Base model</th>
              <th scope="col">Status</th>
              <th scope="col">Built</th>
              <th scope="col">Up to date</th>
              <th scope="col" className="versions__actions-cell">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {family.map((member) => (
              <VersionRow key={member.name} model={member} current={member.name === model.name} readOnly={readOnly} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function VersionRow({ model, current, readOnly }: { model: ModelEntry; current: boolean; readOnly: boolean }) {
  const build = useBuildState(model);
  const openModel = useAppStore((s) => s.openModel);
  const open = useAppStore((s) => s.openModelOpsDialog);
  const display = displayNameOf(model);
  const builtAt = model.build?.built_at;
  const aliases = useAliasesOf(model.name);
  return (
    <tr data-testid="version-row" data-model-name={model.name} aria-current={current ? 'true' : undefined} className={current ? 'versions__current' : undefined}>
      <th scope="row">
        <span className="version-badge">{versionLabel(model) ?? '—'}</span>
      </th>
      <td className="stack-grow">
        <div className="versions__names">
          <span className="truncate" title={current ? `${display} (this one)` : display}>
            {display}
            {current && <span className="muted"> (this one)</span>}
          </span>
          <span className="mono muted truncate" title={model.name}>
            {model.name}
          </span>
          {aliases.length > 0 && (
            <span className="versions__aliases">
              <AliasChips aliases={aliases} />
            </span>
          )}
        </div>
      </td>
      <td className="mono truncate" data-label="from" title={model.base_model || undefined}>
        {model.base_model || <span className="muted">—</span>}
      </td>
      <td>
        <StatusChip status={build.status} label={build.label} {...(build.failure ? { hint: build.failure } : {})} />
      </td>
      <td className="nowrap" data-label="Built:">{builtAt ? <time dateTime={builtAt}>{formatWhen(builtAt)}</time> : <span className="muted">Not built here</span>}</td>
      <td className="nowrap" data-testid="version-freshness">
        {build.action === 'rebuild' ? <OutdatedMarker /> : builtAt ? 'Up to date' : <span className="muted">—</span>}
      </td>
      <td className="versions__actions-cell stack-end">
        <div className="versions__actions">
          {!current && (
            <button type="button" className="button button--small" aria-label={`Open ${display}`} onClick={() => openModel(model.name)}>
              Open
            </button>
          )}
          <button
            type="button"
            className="button button--small"
            disabled={readOnly}
            aria-label={`New version from ${display}`}
            onClick={() => open({ kind: 'new-version', from: model.name })}
          >
            New version
          </button>
          <button
            type="button"
            className="button button--small"
            disabled={readOnly || model.status !== 'available'}
            title={model.status === 'available' ? undefined : 'Create it first: only a built version can be released'}
            aria-label={`Release ${display} as…`}
            data-testid="version-release"
            onClick={() => open({ kind: 'release', name: model.name })}
          >
            Release as…
          </button>
        </div>
      </td>
    </tr>
  );
}
