import type { Logger } from 'pino';
import type { AppConfig } from '../config.js';
import type { Db } from '../db/client.js';
import type { FieldCipher } from './crypto.js';
import type { JobQueue } from '../modules/jobs/define.js';

/** What services need from the outside world; tests build their own. */
export interface Deps {
  db: Db;
  cipher: FieldCipher;
  config: AppConfig;
  logger: Logger;
  now: () => Date;
  /** The background job queue (pg-boss); absent in code paths that never queue work (CLIs, unit tests). */
  jobs?: JobQueue;
}
