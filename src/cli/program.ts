import { Command } from 'commander';
import { loadDotEnv } from '../config.js';
import { updraftVersion } from '../version.js';
import { registerCatalogCommands } from './catalog-commands.js';
import { registerReleaseCommands } from './release-commands.js';
import { registerSessionCommands } from './session-commands.js';

/**
 * The server's own commands work on its data directory and database. They read `.env` as the server does, and load
 * the server's modules only when run: a client command starts without them.
 */
function registerServerCommands(program: Command): void {
  program
    .command('serve')
    .description('start the server (the default)')
    .action(async () => {
      const envFile = loadDotEnv();
      await (await import('../server-commands.js')).serve(envFile);
    });
  program
    .command('migrate')
    .description('apply database migrations and exit')
    .action(async () => {
      loadDotEnv();
      await (await import('../server-commands.js')).migrate();
    });
  program
    .command('create-admin <username>')
    .description(
      'create an admin (a tenant); the password from UPDRAFT_ADMIN_PASSWORD or the first line of stdin',
    )
    .action(async (username: string) => {
      loadDotEnv();
      await (await import('../server-commands.js')).createAdminCommand(username);
    });
  program
    .command('import')
    .description(
      "move a FaynoSync instance into this (stopped) server's data; updraft import --help says how",
    )
    .usage('faynosync --mongo-export DIR (--files DIR | --s3-endpoint URL …) [--dry-run] [--json]')
    // The importer reads its own options (import/faynosync/arguments.ts), --help included.
    .helpOption(false)
    .allowUnknownOption()
    .argument('[arguments...]')
    .action(async (args: string[]) => {
      loadDotEnv();
      await (await import('../server-commands.js')).importCommand(args);
    });
  program
    .command('backup <file>')
    .description(
      'write the embedded database, secrets and local artifacts to a .tar (.tar.gz: compressed); the server must be stopped',
    )
    .action(async (file: string) => {
      loadDotEnv();
      await (await import('../backup/commands.js')).backupCommand(file);
    });
  program
    .command('restore <file>')
    .description('bring a backup back into an empty DATA_DIR; then start the server')
    .action(async (file: string) => {
      loadDotEnv();
      await (await import('../backup/commands.js')).restoreCommand(file);
    });
}

/** Every command of `updraft`, the server's and the client's, in one program. */
export function buildProgram(): Command {
  const program = new Command('updraft')
    .description(
      'Updraft: the update server (serve, migrate, create-admin, backup, restore) and its command-line client',
    )
    .version(updraftVersion(), '-v, --version', 'print the version')
    // Options after a command's name are that command's (doctor's --version is the client's version).
    .enablePositionalOptions()
    .showHelpAfterError('(updraft --help lists the commands)');
  registerServerCommands(program);
  program.commandsGroup('Client commands (UPDRAFT_URL and UPDRAFT_TOKEN override the login):');
  registerSessionCommands(program);
  registerCatalogCommands(program);
  registerReleaseCommands(program);
  return program;
}

/** Runs the command of `argv` (process.argv); with none, the server starts, as it always has. */
export function runProgram(argv: readonly string[]): Promise<Command> {
  return buildProgram().parseAsync(argv.length > 2 ? [...argv] : [...argv, 'serve']);
}
