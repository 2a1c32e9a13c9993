import { z } from 'zod';
import { CHECK_PARAMS } from '../../core/update/check.js';
import { LATEST_PARAMS } from '../../core/update/latest.js';
import { describeRoute } from '../shared/validate.js';

/** `/checkVersion`'s JSON: FaynoSync's fields, `update_url_<ext>` per file, or an updater's own (Squirrel.Mac, Tauri). */
const checkAnswer = z
  .object({
    update_available: z.boolean().optional(),
    critical: z.boolean().optional(),
    is_intermediate_required: z.boolean().optional(),
    possible_rollback: z.boolean().optional(),
    rollout: z.object({ percent: z.number(), seed: z.string() }).optional(),
    signature: z.string().optional(),
    changelog: z.string().optional(),
    error: z.string().optional().meta({ description: '"Not found" when nothing is published for the query' }),
    url: z.string().optional(),
    name: z.string().optional(),
    version: z.string().optional(),
    notes: z.string().optional(),
    pub_date: z.string().optional(),
  })
  .catchall(z.string())
  .meta({ description: 'Also update_url_<ext>: the link of each file, by extension' });

/** `/apps/latest`'s map: channel, platform, arch, package, each a key. */
const latestMap = z.record(
  z.string(),
  z.record(z.string(), z.record(z.string(), z.record(z.string(), z.object({ url: z.string() })))),
);

/**
 * The hot routes' specs. Their handlers read the query with `readQuery` and these very name lists (no zod on a
 * path that answers thousands of checks a second); each spec's query schema is built from the same list, so the
 * API description cannot name a parameter the handler ignores, or miss one it reads.
 */

/** An optional query parameter for every name the handler reads, with what it means. */
export function hotQuery<const N extends string>(names: readonly N[], meaning: Record<N, string>) {
  return z.object(
    Object.fromEntries(
      names.map((name) => [name, z.string().optional().meta({ description: meaning[name] })]),
    ),
  );
}

/** The query parameters of `GET /telemetry/beacon`, with FaynoSync's names. */
export const BEACON_PARAMS = [
  'owner',
  'app_name',
  'version',
  'channel',
  'platform',
  'arch',
  'is_latest',
] as const;

const names = {
  owner: "The app owner's (admin's) username",
  app_name: 'The app',
  channel: 'The channel (optional when the app has none)',
  platform: 'The platform',
  arch: 'The architecture',
};

export const HOT_ROUTES = {
  checkVersion: describeRoute({
    face: 'faynosync',
    method: 'get',
    path: '/checkVersion',
    tag: 'Update checks',
    summary:
      'Whether a newer version is available (X-Device-ID gates staged rollouts; X-Download-Token opens a private app)',
    auth: [],
    input: {
      query: hotQuery(CHECK_PARAMS, {
        ...names,
        version: 'The running version, such as 1.2.3',
        updater: "The client's updater, such as electron-builder: the answer then names its feed",
      }),
    },
    responses: {
      200: checkAnswer,
      204: { description: "No update, for updaters that are told so (Squirrel.Mac's and Tauri's answers)" },
      302: { description: "The updater's feed (electron-builder and other feed updaters)" },
    },
  }),
  appsLatest: describeRoute({
    face: 'faynosync',
    method: 'get',
    path: '/apps/latest',
    tag: 'Update checks',
    summary: 'The newest version: 302 to its one matching file, or a map of several',
    auth: [],
    input: {
      query: hotQuery(LATEST_PARAMS, { ...names, package: 'The package kind, such as exe or dmg' }),
    },
    responses: {
      200: latestMap,
      302: { description: 'The one matching file' },
    },
  }),
  beacon: describeRoute({
    face: 'faynosync',
    method: 'get',
    path: '/telemetry/beacon',
    tag: 'Update checks',
    summary: 'Counts a check an edge (CDN) answered: 204 (X-Device-ID required)',
    auth: [],
    input: {
      query: hotQuery(BEACON_PARAMS, {
        ...names,
        version: 'The version the check was made for',
        is_latest: 'true or false: whether the edge said no update was available',
      }),
    },
    responses: { 204: { description: 'Counted (or not: whether the app exists is not told)' } },
  }),
};
