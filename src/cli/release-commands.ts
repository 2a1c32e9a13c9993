import { dirname, join } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { feedBase, feedSegment, feedUrls } from '../core/feeds/feed-urls.js';
import type { Release, ReleaseFilter, UpdraftApi, VersionChanges } from './api.js';
import { findApp } from './catalog-commands.js';
import { CliError } from './cli-error.js';
import { credentialsPath } from './credentials.js';
import { printJson, printLine, printTable, yesNo } from './output.js';
import { formatBytes } from './progress.js';
import { parsePercentage, publish } from './publish.js';
import { connect } from './session-commands.js';

interface Placement {
  channel?: string;
  platform?: string;
  arch?: string;
}

function placementOptions(command: Command, what: string): Command {
  return command
    .option('--channel <name>', `the channel ${what}`)
    .option('--platform <name>', `the platform ${what}`)
    .option('--arch <name>', `the arch ${what}`);
}

function wholeNumber(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text)) throw new InvalidArgumentError('give a whole number');
  return n;
}

/** The one version of the app with this number (in `--channel` when given). */
async function findRelease(
  api: UpdraftApi,
  app: string,
  version: string,
  filter: ReleaseFilter,
): Promise<Release> {
  const found = (await api.releases(app, filter)).filter((r) => r.Version === version);
  if (found.length === 0) {
    throw new CliError(
      `no version ${version} of ${app}${filter.channel ? ` in ${filter.channel}` : ''}: see updraft release list ${app}`,
    );
  }
  if (found.length > 1) {
    throw new CliError(
      `version ${version} of ${app} is in channels ${found.map((r) => r.Channel || '(none)').join(', ')}: choose one with --channel`,
    );
  }
  return found[0] as Release;
}

/**
 * The feed folder of the app: the channel, platform and arch given, else the first of each in the account, as the
 * console's feed-URL screen picks them.
 */
async function feedFolder(api: UpdraftApi, appName: string, placement: Placement) {
  const [app, channels, platforms, archs] = await Promise.all([
    findApp(api, appName),
    api.named('channel'),
    api.named('platform'),
    api.named('arch'),
  ]);
  return {
    owner: app.Owner,
    app: app.AppName,
    private: app.Private,
    channel: placement.channel ?? channels[0]?.name ?? '',
    platform: placement.platform ?? platforms[0]?.name ?? '',
    arch: placement.arch ?? archs[0]?.name ?? '',
  };
}

function registerRelease(program: Command): void {
  const release = program
    .command('release')
    .description('versions: list, show, publish, unpublish, rollout, critical, delete');
  placementOptions(release.command('list <app>').description('the versions of an app, newest first'), 'only')
    .option('--json', 'print JSON')
    .action(async (app: string, options: Placement & { json?: boolean }) => {
      const { channel, platform, arch } = options;
      const releases = await connect().releases(app, { channel, platform, arch });
      if (options.json) return printJson(releases);
      printTable(
        ['VERSION', 'CHANNEL', 'PUBLISHED', 'CRITICAL', 'ROLLOUT', 'FILES', 'UPDATED'],
        releases.map((r) => [
          r.Version,
          r.Channel,
          yesNo(r.Published),
          yesNo(r.Critical),
          `${r.RolloutPercent}%`,
          String(r.Artifacts.length),
          r.Updated_at,
        ]),
        `no versions of ${app}: updraft publish ${app} VERSION FILES…`,
      );
    });
  release
    .command('show <app> <version>')
    .description('one version with its files and their SHA-256')
    .option('--channel <name>', 'the channel, when the version is in several')
    .option('--json', 'print JSON')
    .action(async (app: string, version: string, options: { channel?: string; json?: boolean }) => {
      const r = await findRelease(connect(), app, version, { channel: options.channel });
      if (options.json) return printJson(r);
      printLine(`${r.AppName} ${r.Version} (${r.ID})`);
      printLine(
        `channel ${r.Channel || '(none)'}, published ${yesNo(r.Published)}, critical ${yesNo(r.Critical)}, intermediate ${yesNo(r.Intermediate)}, rollout ${r.RolloutPercent}%`,
      );
      const changes = r.Changelog.map((c) => c.Changes)
        .join('\n')
        .trim();
      if (changes) printLine(`changelog:\n${changes}`);
      printTable(
        ['FILE', 'PLATFORM', 'ARCH', 'SIZE', 'SHA-256'],
        r.Artifacts.map((a) => [a.file_name, a.platform, a.arch, formatBytes(a.size), a.sha256]),
        'no files',
      );
    });
  /** A change of flags through /apps/update; `said` is what the command prints once the server took it. */
  const change = (
    usage: string,
    description: string,
    changes: (options: { off?: boolean }, value: string | undefined) => VersionChanges,
    said: (options: { off?: boolean }, value: string | undefined) => string,
  ) =>
    release
      .command(usage)
      .description(description)
      .option('--channel <name>', 'the channel, when the version is in several')
      .action(async (app: string, version: string, ...rest: unknown[]) => {
        // Only rollout declares a third argument (the percentage); commander passes the options after the arguments.
        const value = typeof rest[0] === 'string' ? rest[0] : undefined;
        const options = rest.find((r) => typeof r === 'object') as { channel?: string; off?: boolean };
        const api = connect();
        const fields = changes(options, value);
        await api.updateRelease(await findRelease(api, app, version, { channel: options.channel }), fields);
        printLine(`${app} ${version}: ${said(options, value)}`);
      });
  change(
    'publish <app> <version>',
    'publish a version',
    () => ({ publish: true }),
    () => 'published',
  );
  change(
    'unpublish <app> <version>',
    'withdraw a version',
    () => ({ publish: false }),
    () => 'unpublished',
  );
  change(
    'rollout <app> <version> <percent>',
    'offer a version to this percentage of devices (0-100)',
    (_o, percent) => ({ rollout: parsePercentage(percent ?? '', 'rollout') }),
    (_o, percent) => `rollout ${percent}%`,
  );
  change(
    'critical <app> <version>',
    'mark a version critical (--off: no longer critical)',
    (o) => ({ critical: !o.off }),
    (o) => (o.off ? 'no longer critical' : 'critical'),
  ).option('--off', 'no longer critical');
  release
    .command('delete <app> <version>')
    .description('delete a version with its files')
    .option('--channel <name>', 'the channel, when the version is in several')
    .action(async (app: string, version: string, options: { channel?: string }) => {
      const api = connect();
      const found = await findRelease(api, app, version, options);
      await api.deleteRelease(found.ID);
      printLine(`deleted ${app} ${version}`);
    });
}

function registerPublish(program: Command): void {
  program
    .command('publish <app> <version> <files...>')
    .description(
      'upload the files of a version (resuming an interrupted upload when run again), then check the SHA-256 the server stored of each',
    )
    .option('--channel <name>', 'the channel of the version')
    .option('--platform <name>', 'the platform of the files')
    .option('--arch <name>', 'the arch of the files')
    .option('--critical', 'a critical update')
    .option('--rollout <percent>', 'offer it to this percentage of devices (0-100)')
    .option('--changelog-file <file>', 'the changelog (Markdown) from a file')
    .option('--draft', 'upload without publishing (updraft release publish later)')
    .option('--retries <n>', 'how many times a failed request is retried, with backoff', wholeNumber, 5)
    .option('--json', 'print the result as JSON')
    .action(
      async (
        app: string,
        version: string,
        files: string[],
        options: {
          channel?: string;
          platform?: string;
          arch?: string;
          critical?: boolean;
          rollout?: string;
          changelogFile?: string;
          draft?: boolean;
          retries: number;
          json?: boolean;
        },
      ) => {
        const result = await publish(
          connect(),
          app,
          version,
          files,
          { ...options, resumeFile: join(dirname(credentialsPath()), 'uploads.json') },
          process.stderr,
        );
        if (options.json) return printJson(result);
        const state = result.published ? 'published' : 'uploaded as a draft';
        printLine(
          `${state} ${app} ${version} (${result.id}): ${result.files.length} file(s), SHA-256 verified`,
        );
        for (const f of result.files) printLine(`  ${f.name}  ${formatBytes(f.size)}  ${f.sha256}`);
      },
    );
}

function registerFeeds(program: Command): void {
  placementOptions(
    program
      .command('feeds <app>')
      .description('the URL each updater needs for the app, as the console shows them'),
    'of the feed (default: the first of your account)',
  )
    .option('--json', 'print JSON')
    .action(async (appName: string, options: Placement & { json?: boolean }) => {
      const api = connect();
      const f = await feedFolder(api, appName, options);
      const base = feedBase(api.url, f.owner, f.app, f.channel);
      const urls = feedUrls(`${base}/${feedSegment(f.platform)}/${feedSegment(f.arch)}`, base);
      if (options.json) return printJson(urls);
      if (f.private) process.stderr.write(`feeds serve public apps only: ${f.app} is private\n`);
      printTable(
        ['UPDATER', 'URL'],
        urls.map((u) => [u.updater, u.url]),
        'no feeds',
      );
    });

  placementOptions(
    program
      .command('doctor <app>')
      .description('the feed doctor: which release each feed gives a client, and why'),
    'of the feed (default: the first of your account)',
  )
    .option('--version <version>', "the client's version, such as 1.0.0")
    .option('--id <id>', "the client's device or staging id")
    .option('--updater <type>', 'only this updater, such as electron-builder')
    .option('--json', 'print JSON')
    .action(
      async (
        appName: string,
        options: Placement & { version?: string; id?: string; updater?: string; json?: boolean },
      ) => {
        const api = connect();
        const folder = await feedFolder(api, appName, options);
        const { version, id, updater } = options;
        const verdict = await api.explain(folder, { version, id, updater });
        if (options.json) return printJson(verdict);
        printLine(verdict.sentence);
        printTable(
          ['UPDATER', 'STATUS', 'OFFERS', 'WHY'],
          verdict.feeds.map((f) => [f.updater, String(f.status), f.offers ?? '-', f.reason]),
          'no feeds answer for this folder',
        );
      },
    );
}

/** `release …`, `publish`, `feeds`, `doctor`. */
export function registerReleaseCommands(program: Command): void {
  registerRelease(program);
  registerPublish(program);
  registerFeeds(program);
}
