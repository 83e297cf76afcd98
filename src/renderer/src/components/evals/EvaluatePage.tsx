import { useAppStore } from '../../store/store-context';
import '../../styles/evals.css';
import { EvalFamilies } from './EvalFamilies';
import { FamilyEvaluation } from './FamilyEvaluation';

/** Evaluate: the list of families, or one family's prompt set, runs and results. */
export function EvaluatePage() {
  const family = useAppStore((s) => s.evalView.family);
  return family === null ? <EvalFamilies /> : <FamilyEvaluation key={family} family={family} />;
}
