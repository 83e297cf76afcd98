import type { ModelEntry } from '../../../../shared/registry';
import { parseVersionedName } from '../../../../shared/versions';
import { useAppStore } from '../../store/store-context';
import type { MenuItem } from '../common/MenuButton';

/** The lifecycle entries of a model's menus (card and detail): new version, release, evaluate the family, rename, delete. */
export function useModelOpsItems(model: ModelEntry, readOnly: boolean): MenuItem[] {
  const open = useAppStore((s) => s.openModelOpsDialog);
  const openEvals = useAppStore((s) => s.openEvals);
  return [
    { id: 'new-version', label: 'New version…', onSelect: () => open({ kind: 'new-version', from: model.name }), disabled: readOnly },
    // Only a built version can be copied to its released name.
    { id: 'release', label: 'Release as…', onSelect: () => open({ kind: 'release', name: model.name }), disabled: readOnly || model.status !== 'available' },
    // Runs write only under evals/, never the registry: open while the registry is read-only too.
    { id: 'evaluate', label: 'Evaluate versions', onSelect: () => openEvals(parseVersionedName(model.name).family) },
    { id: 'rename', label: 'Rename…', onSelect: () => open({ kind: 'rename', name: model.name }), disabled: readOnly },
    { id: 'delete', label: 'Delete…', onSelect: () => open({ kind: 'delete', name: model.name }), disabled: readOnly },
  ];
}
