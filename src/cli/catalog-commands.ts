import type { Command } from 'commander';
import type { App, NamedKind, UpdraftApi } from './api.js';
import { CliError } from './cli-error.js';
import { printJson, printLine, printTable, yesNo } from './output.js';
import { connect } from './session-commands.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The app named (or with the id) given; a caller names apps, the API deletes by id. */
export async function findApp(api: UpdraftApi, nameOrId: string): Promise<App> {
  const apps = await api.apps();
  const app = apps.find((a) => a.AppName === nameOrId) ?? apps.find((a) => a.ID === nameOrId);
  if (!app) throw new CliError(`no app "${nameOrId}" in your account: see updraft app list`);
  return app;
}

function registerApps(program: Command): void {
  const app = program.command('app').description('apps: create, list, delete');
  app
    .command('create <name>')
    .description('create an app')
    .option('--description <text>', 'what the app is')
    .option('--private', 'downloads need a login or a download token')
    .action(async (name: string, options: { description?: string; private?: boolean }) => {
      const id = await connect().createApp({
        app: name,
        ...(options.description ? { description: options.description } : {}),
        ...(options.private ? { private: true } : {}),
      });
      printLine(`created app ${name} (${id})`);
    });
  app
    .command('list')
    .description('the apps of your account')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const apps = await connect().apps();
      if (options.json) return printJson(apps);
      printTable(
        ['NAME', 'PRIVATE', 'ID', 'DESCRIPTION'],
        apps.map((a) => [a.AppName, yesNo(a.Private), a.ID, a.Description ?? '']),
        'no apps yet: updraft app create NAME',
      );
    });
  app
    .command('delete <name>')
    .description('delete an app with all its versions and files (by name or id)')
    .action(async (name: string) => {
      const api = connect();
      const found = await findApp(api, name);
      await api.deleteApp(found.ID);
      printLine(`deleted app ${found.AppName}`);
    });
}

function registerNamed(program: Command, kind: NamedKind, plural: string): void {
  const group = program.command(kind).description(`${plural}: create, list, delete`);
  const create = group.command('create <name>').description(`create a ${kind}`);
  if (kind === 'platform') {
    create.option(
      '--updater <type>',
      'an updater of the platform (repeat for several; the first is the default), such as electron-builder',
      collect,
    );
  }
  create.action(async (name: string, options: { updater?: string[] }) => {
    const updaters = options.updater?.map((type, i) => ({ type, default: i === 0 }));
    const id = await connect().createNamed(kind, name, updaters);
    printLine(`created ${kind} ${name} (${id})`);
  });
  group
    .command('list')
    .description(`the ${plural} of your account`)
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const items = await connect().named(kind);
      if (options.json) return printJson(items);
      printTable(
        ['NAME', 'ID', 'UPDATED'],
        items.map((i) => [i.name, i.id, i.updatedAt]),
        `no ${plural} yet: updraft ${kind} create NAME`,
      );
    });
  group
    .command('delete <name>')
    .description(`delete a ${kind} nothing uses (by name or id)`)
    .action(async (name: string) => {
      const api = connect();
      const items = await api.named(kind);
      const item = items.find((i) => i.name === name) ?? items.find((i) => i.id === name);
      if (!item) throw new CliError(`no ${kind} "${name}" in your account: see updraft ${kind} list`);
      await api.deleteNamed(kind, item.id);
      printLine(`deleted ${kind} ${item.name}`);
    });
}

function registerTokens(program: Command): void {
  const token = program.command('token').description('API tokens for CI (admins): create, list, revoke');
  token
    .command('create <name>')
    .description('create an API token; prints the secret, which is shown only this once')
    .option(
      '--app <name>',
      'an app the token may upload to (repeat for several; all apps when absent)',
      collect,
    )
    .option('--expires <date>', 'ISO 8601 date-time after which the token stops working')
    .option('--json', 'print JSON')
    .action(async (name: string, options: { app?: string[]; expires?: string; json?: boolean }) => {
      const api = connect();
      const allowed = options.app ? await Promise.all(options.app.map((a) => findApp(api, a))) : undefined;
      const created = await api.createToken({
        name,
        ...(allowed ? { allowed_apps: allowed.map((a) => a.ID) } : {}),
        ...(options.expires ? { expires_at: options.expires } : {}),
      });
      if (options.json) return printJson(created);
      process.stderr.write(`created token ${created.name} (${created.id}); it is shown only now:\n`);
      printLine(created.token);
    });
  token
    .command('list')
    .description('the API tokens (their prefixes only)')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const tokens = await connect().tokens();
      if (options.json) return printJson(tokens);
      printTable(
        ['NAME', 'PREFIX', 'ID', 'EXPIRES', 'LAST USED'],
        tokens.map((t) => [t.name, t.token_prefix, t.id, t.expires_at ?? 'never', t.last_used_at ?? 'never']),
        'no API tokens: updraft token create NAME',
      );
    });
  token
    .command('revoke <name>')
    .description('revoke an API token (by name or id)')
    .action(async (name: string) => {
      const api = connect();
      const tokens = await api.tokens();
      const found = tokens.find((t) => t.id === name) ?? tokens.find((t) => t.name === name);
      if (!found) throw new CliError(`no API token "${name}": see updraft token list`);
      await api.revokeToken(found.id);
      printLine(`revoked token ${found.name}`);
    });
}

/** `app`, `channel`, `platform`, `arch` and `token`. */
export function registerCatalogCommands(program: Command): void {
  registerApps(program);
  registerNamed(program, 'channel', 'channels');
  registerNamed(program, 'platform', 'platforms');
  registerNamed(program, 'arch', 'archs');
  registerTokens(program);
}
