/**
 * The project's GitHub repository: where releases are published, where the app looks for updates
 * (electron-updater's GitHub provider, through the `app-update.yml` electron-builder writes into
 * the app) and where Help → Documentation points. The ONE place to name your fork. Publishing
 * (`npm run dist -- --publish always`) reads `GH_TOKEN` from the environment; no token or other
 * secret belongs here, and the app needs none to read public releases.
 */
export const PROJECT_REPOSITORY = { owner: 'modelwright', repo: 'modelwright' } as const;

export const DOCUMENTATION_URL = `https://github.com/${PROJECT_REPOSITORY.owner}/${PROJECT_REPOSITORY.repo}#readme`;
