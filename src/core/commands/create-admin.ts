import type { Db } from '../../db/connect.js';
import { type AccountOptions, checkUsername, claimingUsername } from '../accounts/credentials.js';
import { checkPassword, hashPassword } from '../auth/passwords.js';
import { conflict } from '../errors.js';
import { newId } from '../ids.js';

/** Inserts an admin, whose id is also its new tenant's. Sign-up's write too. */
export async function insertAdmin(db: Db, username: string, passwordHash: string): Promise<string> {
  const id = newId();
  await claimingUsername(
    () =>
      db
        .insertInto('users')
        .values({
          id,
          tenant_id: id,
          username,
          password_hash: passwordHash,
          role: 'admin',
          permissions: null,
        })
        .execute(),
    () => conflict('user already exists: choose another username'),
  );
  return id;
}

/**
 * Creates an admin, that is a new tenant; the command line's way in when sign-up is closed. No generation to bump:
 * a new tenant has nothing cached yet, and an owner that is not found is never remembered (ReleaseCache.tenantOf).
 */
export async function createAdmin(
  db: Db,
  config: AccountOptions,
  input: { username: unknown; password: unknown },
): Promise<string> {
  const username = checkUsername(input.username);
  const password = checkPassword(input.password);
  return insertAdmin(db, username, await hashPassword(password, config.bcryptCost));
}
