import { flipFuses } from '@electron/fuses';
import { FUSE_CONFIG } from './fuse-config';

/**
 * `npm run fuses:apply -- <path to the packaged Electron binary or .app>`: flips the fuses of
 * scripts/fuse-config.ts in that binary. For the packaging step (e.g. an afterPack hook); it
 * rewrites the file in place, so run it on the packaged copy, never on node_modules/electron.
 */
async function main(): Promise<void> {
  const target = process.argv[2];
  if (!target) {
    console.error('Usage: npm run fuses:apply -- <path to the Electron binary or .app>');
    process.exit(2);
  }
  const flipped = await flipFuses(target, FUSE_CONFIG);
  console.log(`Fuses set in ${target} (${flipped} fuse wire${flipped === 1 ? '' : 's'}).`);
}

main().catch((error: unknown) => {
  console.error(`apply-fuses: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
