import { ConfigError } from '../config.js';
import { BackupError } from '../modules/backup/errors.js';

/**
 * Runs a backup or restore command and exits with its code: a bad setting exits 2 and a refusal
 * (wrong key, non-empty target, damaged file) 1, each with its bilingual message and no stack.
 */
export function runBackupCommand(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (err) => {
      if (err instanceof ConfigError || err instanceof BackupError) {
        console.error(err.message);
        process.exit(err instanceof ConfigError ? 2 : 1);
      }
      console.error(err);
      process.exit(1);
    },
  );
}
