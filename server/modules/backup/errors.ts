/** A refusal of backup or restore, for the person at the console: Chinese first, then English. */
export class BackupError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh}\n${en}`);
    this.name = 'BackupError';
  }
}
