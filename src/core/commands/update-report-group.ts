import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { ReportGroupStatus } from '../../db/schema.js';
import type { Actor } from '../auth/actor.js';
import { invalid, notFound } from '../errors.js';
import { requirePermission } from '../permissions.js';
import { GROUP_STATUSES, groupScope, parseGroupHash } from '../reports/groups.js';

const MAX_TAGS = 20;
const MAX_NOTE_LENGTH = 2000;
const TAG = /^[a-zA-Z0-9._-]{1,64}$/;

interface GroupChange {
  status?: ReportGroupStatus;
  tags?: string[];
  note?: string;
}

function parseChange(body: Record<string, unknown>): GroupChange {
  const change: GroupChange = {};
  if (body.status !== undefined && body.status !== null) {
    if (typeof body.status !== 'string' || !GROUP_STATUSES.includes(body.status as ReportGroupStatus)) {
      throw invalid('invalid status: use open, resolved or muted');
    }
    change.status = body.status as ReportGroupStatus;
  }
  if (body.tags !== undefined && body.tags !== null) {
    const tags = body.tags;
    if (!Array.isArray(tags) || tags.length > MAX_TAGS) {
      throw invalid(`invalid tags: send a list of at most ${MAX_TAGS} tags`);
    }
    for (const tag of tags) {
      if (typeof tag !== 'string' || !TAG.test(tag)) {
        throw invalid("invalid tags: each tag is 1 to 64 letters, digits, '.', '_' or '-'");
      }
    }
    change.tags = tags as string[];
  }
  if (body.note !== undefined && body.note !== null) {
    if (typeof body.note !== 'string') throw invalid('invalid note: send text');
    if (body.note.length > MAX_NOTE_LENGTH) {
      throw invalid(`note too long: at most ${MAX_NOTE_LENGTH} characters`);
    }
    change.note = body.note;
  }
  if (change.status === undefined && change.tags === undefined && change.note === undefined) {
    throw invalid('no fields to update: send status, tags and/or note');
  }
  return change;
}

/**
 * FaynoSync's `PATCH /reports/groups/{hash}`: status (resolving records who and when), tags, note. One row.
 * No generation to bump: crash reports, their groups and keys are in no cached answer.
 */
export async function updateGroup(
  db: Db,
  actor: Actor,
  rawHash: unknown,
  body: Record<string, unknown>,
): Promise<string> {
  requirePermission(actor, 'apps', 'edit');
  const hash = parseGroupHash(rawHash);
  const change = parseChange(body);
  const scope = await groupScope(db, actor);
  const resolved = change.status === 'resolved';
  const result = await db
    .updateTable('report_groups')
    .set({
      updated_at: sql`now()`,
      ...(change.status === undefined
        ? {}
        : {
            status: change.status,
            resolved_at: resolved ? sql`now()` : null,
            resolved_by: resolved ? actor.username : null,
          }),
      ...(change.tags === undefined ? {} : { tags: JSON.stringify(change.tags) }),
      ...(change.note === undefined ? {} : { note: change.note }),
    })
    .where(scope)
    .where('group_hash', '=', hash)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw notFound('report group not found');
  return hash;
}
