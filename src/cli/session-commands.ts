import type { Command } from 'commander';
import { ApiError, UpdraftApi } from './api.js';
import { CliError } from './cli-error.js';
import { normaliseUrl, removeCredentials, resolveCredentials, storeCredentials } from './credentials.js';
import { printJson, printLine } from './output.js';
import { readFirstLine, readHidden } from './prompt.js';

/** The server the credentials name, called with their token. */
export function connect(): UpdraftApi {
  const { url, token } = resolveCredentials();
  return new UpdraftApi(url, token);
}

/** `login`, `whoami`, `logout`. */
export function registerSessionCommands(program: Command): void {
  program
    .command('login')
    .description(`log in and keep the server's URL and a token in ~/.config/updraft/config.json (mode 0600)`)
    .requiredOption('--url <url>', "the server's address, such as https://updates.example.com")
    .requiredOption('--username <name>', 'an admin or team user')
    .option('--password-stdin', 'read the password from the first line of standard input (CI)')
    .action(async (options: { url: string; username: string; passwordStdin?: boolean }) => {
      const url = normaliseUrl(options.url, '--url');
      const password = options.passwordStdin
        ? await readFirstLine(process.stdin)
        : await readHidden(`password for ${options.username} at ${url}: `);
      if (!password) throw new CliError('no password given');
      const token = await UpdraftApi.login(url, options.username, password);
      const path = storeCredentials({ url, token, username: options.username });
      printLine(`logged in to ${url} as ${options.username} (credentials in ${path})`);
    });

  program
    .command('whoami')
    .description('the user the credentials act as, and the server')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const { url, token } = resolveCredentials();
      if (token.startsWith('fns_')) {
        // API tokens may only upload: the server answers nothing else to them, /whoami included.
        const who = { url, api_token: `${token.slice(0, 12)}…`, may: 'upload only' };
        if (options.json) printJson(who);
        else printLine(`API token ${who.api_token} at ${url} (upload only)`);
        return;
      }
      let me: Awaited<ReturnType<UpdraftApi['whoami']>>;
      try {
        me = await new UpdraftApi(url, token).whoami();
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) {
          throw new CliError(`${err.message}: log in again with updraft login`);
        }
        throw err;
      }
      if (options.json) printJson({ url, ...me });
      else {
        const role = me.is_admin ? 'admin' : `team user of ${me.owner ?? '?'}`;
        printLine(`${me.username} (${role}) at ${url}`);
      }
    });

  program
    .command('logout')
    .description('forget the stored credentials (UPDRAFT_URL and UPDRAFT_TOKEN still apply)')
    .action(() => {
      printLine(removeCredentials() ? 'logged out' : 'not logged in');
    });
}
