import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { login } from '../../core/accounts/login.js';
import type { TeamPermissions } from '../../core/accounts/team-permissions.js';
import { listTeamUsers, whoami } from '../../core/accounts/team-users.js';
import { changePassword } from '../../core/commands/change-password.js';
import { createTeamUser } from '../../core/commands/create-team-user.js';
import { deleteTeamUser } from '../../core/commands/delete-team-user.js';
import { signup } from '../../core/commands/sign-up.js';
import { updateTeamUser } from '../../core/commands/update-team-user.js';
import { actorOf, adminOnly, authenticate } from '../shared/auth.js';
import { jsonBody } from '../shared/body.js';
import { routeInput } from '../shared/validate.js';
import type { PermissionsDoc } from './schemas/responses.js';
import { FAYNOSYNC_ROUTES as R } from './schemas/routes.js';

/** FaynoSync's permission document: PascalCase keys, the allowed lists inside each kind. */
function presentPermissions({ flags, allowed }: TeamPermissions): PermissionsDoc {
  const section = (f: { create: boolean; delete: boolean; edit: boolean }, ids: string[]) => ({
    Create: f.create,
    Delete: f.delete,
    Edit: f.edit,
    Allowed: ids,
  });
  return {
    Apps: {
      Create: flags.apps.create,
      Delete: flags.apps.delete,
      Edit: flags.apps.edit,
      Download: flags.apps.download,
      Upload: flags.apps.upload,
      Allowed: allowed.apps,
    },
    Channels: section(flags.channels, allowed.channels),
    Platforms: section(flags.platforms, allowed.platforms),
    Archs: section(flags.archs, allowed.archs),
  };
}

/** Sign-up, login, whoami, the admin's password and team users, as FaynoSync answers them. */
export function accountsRouter(ctx: AppContext): Router {
  const router = Router();
  const { db } = ctx.database;
  const { config } = ctx;
  const json = jsonBody(config.jsonMaxBytes);
  const auth = authenticate(ctx);
  const { limiter, knownAddresses: known } = ctx.logins;

  router.post('/signup', json, async (req, res) => {
    const { body } = routeInput(R.signup, req);
    await signup(db, config, limiter, {
      username: body.username,
      password: body.password,
      apiKey: body.api_key,
      ip: req.ip,
    });
    res.json({ result: 'Successfully created admin user.' });
  });

  router.post('/login', json, async (req, res) => {
    const { body } = routeInput(R.login, req);
    const token = await login(db, config, limiter, known, {
      username: body.username,
      password: body.password,
      ip: req.ip,
    });
    res.json({ token });
  });

  router.get('/whoami', auth, async (_req, res) => {
    const me = await whoami(db, actorOf(res));
    if (me.role === 'admin') {
      res.json({ id: me.id, username: me.username, is_admin: true });
      return;
    }
    res.json({
      id: me.id,
      username: me.username,
      is_admin: false,
      owner: me.owner,
      permissions: presentPermissions(me.permissions),
    });
  });

  router.post('/admin/update', auth, adminOnly, json, async (req, res) => {
    const { body } = routeInput(R.updateAdmin, req);
    const token = await changePassword(db, config, actorOf(res), {
      id: body.id,
      username: body.username,
      password: body.password,
    });
    res.json({ message: 'Admin updated successfully', token });
  });

  router.post('/user/create', auth, adminOnly, json, async (req, res) => {
    const { body } = routeInput(R.createUser, req);
    await createTeamUser(db, config, actorOf(res), {
      username: body.username,
      password: body.password,
      permissions: body.permissions,
    });
    res.json({ message: 'Team user created successfully' });
  });

  router.post('/user/update', auth, adminOnly, json, async (req, res) => {
    const { body } = routeInput(R.updateUser, req);
    await updateTeamUser(db, config, actorOf(res), {
      id: body.id,
      username: body.username,
      password: body.password,
      permissions: body.permissions,
    });
    res.json({ message: 'Team user updated successfully' });
  });

  router.get('/users/list', auth, adminOnly, async (_req, res) => {
    const users = await listTeamUsers(db, actorOf(res));
    res.json({
      users: users.map((u) => ({
        id: u.id,
        username: u.username,
        permissions: presentPermissions(u.permissions),
        updated_at: u.updatedAt.toISOString(),
      })),
    });
  });

  router.delete('/user/delete', auth, adminOnly, json, async (req, res) => {
    const { body } = routeInput(R.deleteUser, req);
    await deleteTeamUser(db, actorOf(res), body.id);
    res.json({ message: 'Team user deleted successfully' });
  });

  return router;
}
