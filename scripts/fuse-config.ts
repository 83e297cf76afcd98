import { FuseV1Options, FuseVersion, type FuseV1Config } from '@electron/fuses';

/**
 * Electron's fuses for the packaged app, flipped in the Electron binary at packaging time (they are
 * compiled-in switches, not runtime options). Every fuse is set explicitly so that an Electron
 * upgrade adding one fails the packaging step instead of silently inheriting a default.
 *
 * - RunAsNode off: the app binary cannot be used as a plain Node (ELECTRON_RUN_AS_NODE).
 * - NODE_OPTIONS and --inspect off: no code injection or debugger through the environment or flags.
 * - Embedded asar integrity on, load only from asar: the app's code is the code that was signed.
 * - Cookie encryption on: cookies at rest are encrypted with the OS key store.
 * - No browser-process-specific V8 snapshot (not used); file:// keeps no extra privileges, since
 *   the UI is served from the app:// scheme.
 */
export const FUSE_CONFIG = {
  version: FuseVersion.V1,
  strictlyRequireAllFuses: true,
  resetAdHocDarwinSignature: process.platform === 'darwin',
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
} satisfies FuseV1Config;
