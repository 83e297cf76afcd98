import type { ImportItem } from '../../../../shared/import-plan';
import { formatValue } from './format-value';

const ACTION_LABELS = { add: 'New', change: 'Changed', same: 'Same', invalid: 'Cannot import' } as const;

interface ImportItemRowProps {
  item: ImportItem;
  checked: boolean;
  onToggle(checked: boolean): void;
}

/** One entry of the plan: a box to tick (adds and changes), what it is, and for a change, each field before and after. */
export function ImportItemRow({ item, checked, onToggle }: ImportItemRowProps) {
  const selectable = item.action === 'add' || item.action === 'change';
  const id = `import-${item.kind}-${item.name}`;
  return (
    <li className={`import-item import-item--${item.action}`} data-testid="import-item" data-kind={item.kind} data-name={item.name} data-action={item.action}>
      <div className="import-item__head">
        <input
          id={id}
          type="checkbox"
          checked={selectable && checked}
          disabled={!selectable}
          onChange={(event) => onToggle(event.target.checked)}
          aria-describedby={item.problem ? `${id}-problem` : undefined}
        />
        <label htmlFor={id} className="import-item__label">
          <span className="import-item__title">{item.label}</span>
          {item.label !== item.name && <span className="mono muted">{item.name}</span>}
          {item.existing !== null && item.existing !== item.name && <span className="muted">(here as {item.existing})</span>}
        </label>
        <span className={`import-badge import-badge--${item.action}`}>{ACTION_LABELS[item.action]}</span>
      </div>
      {item.problem && (
        <p id={`${id}-problem`} className="field-error">
          {item.problem}
        </p>
      )}
      {item.changes.length > 0 && (
        <table className="import-changes" data-testid="import-changes">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Here now</th>
              <th scope="col">In the file</th>
            </tr>
          </thead>
          <tbody>
            {item.changes.map((change) => (
              <tr key={change.field} data-field={change.field}>
                <th scope="row" className="mono">
                  {change.field}
                </th>
                <td className="import-changes__before">{formatValue(change.before)}</td>
                <td className="import-changes__after">{formatValue(change.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {item.warnings.map((warning) => (
        <p key={warning} className="field-hint import-item__warning">
          {warning}
        </p>
      ))}
    </li>
  );
}
