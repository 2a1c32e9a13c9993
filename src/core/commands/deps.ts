import type { Db } from '../../db/connect.js';
import type { ChangeFeed } from '../changes.js';

/**
 * What every command needs; an AppContext is one. A command bumps the tenant's generation itself once its
 * transaction has committed, so no caller can forget to, and no cached answer outlives the write.
 */
export interface CommandDeps {
  database: { db: Db };
  changes: Pick<ChangeFeed, 'changed'>;
}
