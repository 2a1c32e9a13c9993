import type { Config } from '../config.js';
import type { Db } from '../db/connect.js';

export async function createAdmin(_db: Db, _config: Config, _input: { username: string; password: string }): Promise<string> {
  throw new Error('not implemented yet');
}
