import type { RequestListener } from 'node:http';
import request from 'supertest';
import { TEST_SIGNUP_KEY } from './app.js';

let counter = 0;
/** A username no other test in this database uses. */
export function uniqueName(prefix = 'user'): string {
  counter += 1;
  return `${prefix}${process.pid}x${counter}`;
}

export const PASSWORD = 'correct-horse-battery';

/** Signs up a new admin (a new tenant) and returns its username and token. */
export async function newAdmin(
  app: RequestListener,
  username = uniqueName('admin'),
): Promise<{ username: string; token: string }> {
  await request(app)
    .post('/signup')
    .send({ username, password: PASSWORD, api_key: TEST_SIGNUP_KEY })
    .expect(200);
  const res = await request(app).post('/login').send({ username, password: PASSWORD }).expect(200);
  return { username, token: res.body.token as string };
}

export interface PermissionInput {
  apps?: Partial<Record<'create' | 'delete' | 'edit' | 'download' | 'upload', boolean>> & {
    allowed?: string[];
  };
  channels?: Partial<Record<'create' | 'delete' | 'edit', boolean>> & { allowed?: string[] };
  platforms?: Partial<Record<'create' | 'delete' | 'edit', boolean>> & { allowed?: string[] };
  archs?: Partial<Record<'create' | 'delete' | 'edit', boolean>> & { allowed?: string[] };
}

/** Creates a team user under `adminToken` with FaynoSync's permission document and logs it in. */
export async function newTeamUser(
  app: RequestListener,
  adminToken: string,
  permissions: PermissionInput,
  username = uniqueName('team'),
): Promise<{ username: string; token: string; id: string }> {
  await request(app)
    .post('/user/create')
    .set('Authorization', `Bearer ${adminToken}`)
    .send({ username, password: PASSWORD, permissions })
    .expect(200);
  const list = await request(app).get('/users/list').set('Authorization', `Bearer ${adminToken}`).expect(200);
  const id = (list.body.users as { id: string; username: string }[]).find((u) => u.username === username)?.id;
  if (!id) throw new Error(`team user ${username} not listed`);
  const res = await request(app).post('/login').send({ username, password: PASSWORD }).expect(200);
  return { username, token: res.body.token as string, id };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
