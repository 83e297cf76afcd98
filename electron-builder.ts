import type { AfterPackContext, Configuration } from 'electron-builder';
import { FUSE_CONFIG } from './scripts/fuse-config';
import { PROJECT_REPOSITORY } from './src/shared/project-repository';

/**
 * How the desktop app is packaged (`npm run dist`, after `npm run build`). A TypeScript file rather
 * than YAML or package.json's `build` key so that the fuses come from their one declaration
 * (scripts/fuse-config.ts) and the options are type-checked; electron-builder loads it with jiti.
 *
 * Only the build output and package.json go into the app's asar; electron-builder adds the
 * production dependencies (package.json `dependencies`). The first-run workspace (`models/`) is an
 * extra resource, outside the asar, found through `process.resourcesPath`.
 */
// Releases go to the project's repository, named once in src/shared/project-repository.ts.
export const RELEASES_REPOSITORY = PROJECT_REPOSITORY;

const config: Configuration = {
  appId: 'dev.modelwright.app',
  productName: 'Modelwright',
  copyright: 'Copyright © Modelwright contributors',
  directories: { buildResources: 'resources', output: 'dist' },
  files: [
    'out/**/*',
    '!**/*.map',
    'package.json',
    // Packages' own tests and TypeScript sources (zod ships both): never loaded at run time.
    '!**/node_modules/**/*.{ts,mts,cts}',
    '!**/node_modules/**/*.{test,spec}.{js,mjs,cjs}',
    '!**/node_modules/*/{test,tests,__tests__,spec}/**',
  ],
  extraResources: [
    { from: 'models', to: 'models', filter: ['**/*'] },
  ],
  asar: true,
  publish: [{ provider: 'github', owner: RELEASES_REPOSITORY.owner, repo: RELEASES_REPOSITORY.repo, releaseType: 'release' }],
  // No native modules: a rebuild would only download Electron's headers for nothing.
  npmRebuild: false,
  afterPack: async (context: AfterPackContext) => {
    await context.packager.addElectronFuses(context, FUSE_CONFIG);
  },
  // Names users see on the releases page, the same on every build (the README's Install table).
  appImage: { artifactName: '${productName}-${version}-${arch}.${ext}' },
  deb: { artifactName: '${name}_${version}_${arch}.${ext}' },
  dmg: { artifactName: '${productName}-${version}-${arch}.${ext}' },
  linux: {
    target: ['AppImage', 'deb'],
    // The `modelwright` command line: a launcher that runs this app with --cli (see src/main/desktop/cli-switch.ts).
    extraResources: [{ from: 'resources/bin/modelwright', to: 'bin/modelwright' }],
    icon: 'resources/icons',
    category: 'Development',
    synopsis: 'Build, manage and chat with your own Ollama models',
    maintainer: 'Modelwright contributors',
  },
  mac: {
    // One package per processor: a universal app would make every download twice as large.
    target: [
      { target: 'dmg', arch: ['arm64', 'x64'] },
      { target: 'zip', arch: ['arm64', 'x64'] },
    ],
    icon: 'resources/icon.icns',
    artifactName: '${productName}-${version}-${arch}-mac.${ext}',
    extraResources: [{ from: 'resources/bin/modelwright', to: 'bin/modelwright' }],
    category: 'public.app-category.developer-tools',
    hardenedRuntime: true,
    // Signing and notarization are driven by the environment (see the README); none is committed.
    notarize: Boolean(process.env.APPLE_TEAM_ID),
  },
  win: {
    target: [{ target: 'nsis', arch: ['x64', 'arm64'] }],
    icon: 'resources/icon.ico',
    extraResources: [{ from: 'resources/bin/modelwright.cmd', to: 'bin/modelwright.cmd' }],
  },
  nsis: {
    // One installer for both processors: it installs the one the machine has.
    artifactName: '${productName}-Setup-${version}.${ext}',
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
  },
};

export default config;
