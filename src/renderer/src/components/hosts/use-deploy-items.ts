import type { MenuItem } from '../common/MenuButton';
import { selectHasOtherHosts } from '../../store/hosts-selectors';
import { useAppStore } from '../../store/store-context';

/** "Deploy to…" in a model's menus (card and page), once there is another host to deploy to. */
export function useDeployItems(model: string): MenuItem[] {
  const several = useAppStore(selectHasOtherHosts);
  const open = useAppStore((s) => s.openDeployDialog);
  return several ? [{ id: 'deploy', label: 'Deploy to…', onSelect: () => open(model) }] : [];
}
