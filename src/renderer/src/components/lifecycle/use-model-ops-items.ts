import type { ModelEntry } from '../../../../shared/registry';
import { useAppStore } from '../../store/store-context';
import type { MenuItem } from '../common/MenuButton';

/** The lifecycle entries of a model's menus (card and detail): new version, rename, delete. */
export function useModelOpsItems(model: ModelEntry, readOnly: boolean): MenuItem[] {
  const open = useAppStore((s) => s.openModelOpsDialog);
  return [
    { id: 'new-version', label: 'New version…', onSelect: () => open({ kind: 'new-version', from: model.name }), disabled: readOnly },
    { id: 'rename', label: 'Rename…', onSelect: () => open({ kind: 'rename', name: model.name }), disabled: readOnly },
    { id: 'delete', label: 'Delete…', onSelect: () => open({ kind: 'delete', name: model.name }), disabled: readOnly },
  ];
}
