import { JOB_KIND_VERBS, percentOf, wholePercent } from '../../models/job-format';
import { displayNameOf } from '../../models/model-labels';
import { selectJobLists } from '../../store/job-selectors';
import { selectModels } from '../../store/selectors';
import { useAppStore } from '../../store/store-context';
import { ProgressBar } from '../common/ProgressBar';
import { ownValue } from '../../../../shared/own-key';
import { ModelName } from '../names/ModelName';

/** How many jobs show by name; the rest are counted. */
const SHOWN = 2;

/** Active jobs, each with a thin bar; a click opens the Jobs page. */
export function StatusBarJobs() {
  const { active } = useAppStore(selectJobLists);
  const models = useAppStore(selectModels);
  const navigate = useAppStore((s) => s.navigate);
  if (active.length === 0) return null;
  const rest = active.length - SHOWN;
  return (
    <button type="button" className="status-bar__item status-bar__jobs" data-testid="status-jobs" title="Open the Jobs page" onClick={() => navigate('jobs')}>
      {active.slice(0, SHOWN).map((job) => {
        const percent = job.progress ? percentOf(job.progress) : null;
        const entry = ownValue(models, job.target);
        const label = `${JOB_KIND_VERBS[job.kind]} ${entry ? displayNameOf(entry) : job.target}`;
        return (
          <span key={job.id} className="status-job" data-testid="status-job" title={job.target}>
            <span className="status-job__line">
              <ModelName text={label} className="status-job__name" />
              {percent !== null && <span className="status-job__percent"> {wholePercent(percent)}%</span>}
            </span>
            <ProgressBar percent={percent} label={label} size="thin" />
          </span>
        );
      })}
      {rest > 0 && <span className="status-job__more">+{rest} more</span>}
    </button>
  );
}
