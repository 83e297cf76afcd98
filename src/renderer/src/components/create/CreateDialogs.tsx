import { displayNameOf } from '../../models/model-labels';
import { useAppStore } from '../../store/store-context';
import { BaseMissingDialog } from './BaseMissingDialog';
import { BlockedCreateDialog } from './BlockedCreateDialog';
import { ownValue } from '../../../../shared/own-key';

/** The questions a Create click may raise, wherever it was clicked (card, editor, Jobs page, notice). */
export function CreateDialogs() {
  const flow = useAppStore((s) => s.createFlow);
  const entry = useAppStore((s) => (flow ? ownValue(s.snapshot?.registry.models, flow.name) : undefined));
  if (!flow || flow.step === 'checking') return null;
  const title = entry ? displayNameOf(entry) : flow.name;
  if (flow.step === 'blocked') return <BlockedCreateDialog name={flow.name} title={title} message={flow.message} errors={flow.errors} />;
  return <BaseMissingDialog title={title} base={flow.base} />;
}
