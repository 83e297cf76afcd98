import type { ModelEntry } from '../../../../shared/registry';
import { formatWhen } from '../../models/job-format';

/** What the last successful build was made from, so "out of date" can be explained. */
export function BuildFacts({ model }: { model: ModelEntry }) {
  const build = model.build;
  return (
    <section className="overview__section" aria-labelledby="overview-build-title" data-testid="build-facts">
      <h2 id="overview-build-title">Last build</h2>
      {build ? (
        <dl className="facts">
          <dt>Built</dt>
          <dd>
            <time dateTime={build.built_at}>{formatWhen(build.built_at)}</time>
          </dd>
          <dt>Model digest</dt>
          <dd className="mono overview__hash" data-testid="build-digest">
            {build.digest}
          </dd>
          <dt>Modelfile sha256</dt>
          <dd className="mono overview__hash" data-testid="build-modelfile-sha">
            {build.modelfile_sha256}
          </dd>
          {build.base_model && (
            <>
              <dt>Base model</dt>
              <dd className="mono">{build.base_model}</dd>
            </>
          )}
          {build.base_digest && (
            <>
              <dt>Base digest</dt>
              <dd className="mono overview__hash">{build.base_digest}</dd>
            </>
          )}
        </dl>
      ) : (
        <p className="muted">Not built by Modelwright yet: its provenance is recorded on the first create.</p>
      )}
    </section>
  );
}
