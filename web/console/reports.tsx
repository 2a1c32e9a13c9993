import { useEffect, useState } from 'preact/hooks';
import * as api from './api';
import { can } from './permissions';
import { bytes, ErrorText, formText, Section, useAction } from './ui';

const STATUSES = ['open', 'resolved', 'muted'] as const;
const PAGE = 20;

const when = (iso: string) => new Date(iso).toLocaleString();

/** A group's stored details: links to their signed URLs, which a browser follows without the session. */
function Details({ hash }: { hash: string }) {
  const [blobs, setBlobs] = useState<api.ReportBlob[] | null>(null);
  const load = useAction();
  useEffect(() => {
    void load.run(async () => {
      const res = await api.call<{ items: api.ReportBlob[] }>(
        'GET',
        `/reports/groups/${encodeURIComponent(hash)}/blobs`,
      );
      setBlobs(res.items);
    });
  }, [hash]);
  if (load.error) return <ErrorText error={load.error} />;
  if (!blobs) return <p aria-busy="true">Loading…</p>;
  if (blobs.length === 0) return <p class="muted">No details were stored for this group.</p>;
  return (
    <ul class="plain" aria-label="Stored details (links work for 15 minutes)">
      {blobs.map((b) => (
        <li key={b.id}>
          <a href={b.url} download={`${b.id}.json.gz`}>
            Details of {when(b.created_at)}
          </a>{' '}
          <span class="muted">
            (gzip JSON, {bytes(b.storage.compressed_size)}, {bytes(b.storage.decompressed_size)} unpacked;
            kept until {when(b.expires_at)})
          </span>
        </li>
      ))}
    </ul>
  );
}

function Group({ me, group, onChanged }: { me: api.Me; group: api.ReportGroup; onChanged: () => void }) {
  const action = useAction();
  const [details, setDetails] = useState(false);
  const title = `${group.event.type}: ${group.event.reason}`;
  const path = `/reports/groups/${encodeURIComponent(group.group_hash)}`;
  return (
    <li class="card" aria-label={title}>
      <h3>
        {title} <span class={`badge${group.status === 'open' ? ' warn' : ' ok'}`}>{group.status}</span>
      </h3>
      <p>
        {group.application.name} {group.application.version} ({group.application.channel}),{' '}
        {group.system.platform} {group.system.arch}
      </p>
      <p class="muted">
        {group.stats.count} report(s), first {when(group.stats.first_seen)}, last{' '}
        {when(group.stats.last_seen)}; {group.stats.details_stored} detail(s) stored
        {group.resolved_by ? `; resolved by ${group.resolved_by}` : ''}
      </p>
      {group.tags?.length ? (
        <ul class="tags" aria-label="Tags">
          {group.tags.map((tag) => (
            <li key={tag} class="badge">
              {tag}
            </li>
          ))}
        </ul>
      ) : null}
      {group.note ? <p class="notes">{group.note}</p> : null}
      {can(me, 'Apps', 'Edit') ? (
        <details>
          <summary>Triage</summary>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const form = e.currentTarget;
              void action.run(async () => {
                await api.call('PATCH', path, {
                  status: formText(form, 'status'),
                  tags: formText(form, 'tags')
                    .split(',')
                    .map((t) => t.trim())
                    .filter(Boolean),
                  note: formText(form, 'note'),
                });
                onChanged();
              });
            }}
          >
            <div class="row">
              <label>
                Status
                <select name="status">
                  {STATUSES.map((s) => (
                    <option key={s} selected={s === group.status}>
                      {s}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Tags (comma-separated)
                <input name="tags" defaultValue={group.tags?.join(', ') ?? ''} />
              </label>
            </div>
            <label>
              Note
              <textarea name="note" rows={3} defaultValue={group.note ?? ''} />
            </label>
            <ErrorText error={action.error} />
            <button type="submit" disabled={action.busy}>
              Save<span class="visually-hidden"> {title}</span>
            </button>
          </form>
        </details>
      ) : null}
      <div class="row">
        <button type="button" class="secondary" aria-expanded={details} onClick={() => setDetails(!details)}>
          {details ? 'Hide details' : 'Show details'}
          <span class="visually-hidden"> of {title}</span>
        </button>
        {can(me, 'Apps', 'Delete') ? (
          <button
            type="button"
            class="danger"
            disabled={action.busy}
            onClick={() => {
              if (!confirm(`Delete the group "${title}" and its stored details?`)) return;
              void action.run(async () => {
                await api.call('DELETE', path);
                onChanged();
              });
            }}
          >
            Delete<span class="visually-hidden"> {title}</span>
          </button>
        ) : null}
      </div>
      {details ? <Details hash={group.group_hash} /> : null}
    </li>
  );
}

/** Crash and event report groups of the apps the user may see (FaynoSync's reports), newest first. */
export function ReportsScreen({ me }: { me: api.Me }) {
  const [apps, setApps] = useState<api.App[]>([]);
  const [filter, setFilter] = useState({ app: '', status: 'open', page: 1 });
  const [found, setFound] = useState<{ items: api.ReportGroup[]; total: number } | null>(null);
  const [generation, setGeneration] = useState(0);
  const load = useAction();
  useEffect(() => {
    void load.run(async () => setApps(await api.apps()));
  }, []);
  useEffect(() => {
    let current = true;
    void load.run(async () => {
      const q = new URLSearchParams({
        status: filter.status,
        page: String(filter.page),
        limit: String(PAGE),
      });
      if (filter.app) q.set('app', filter.app);
      const res = await api.call<{ items: api.ReportGroup[]; total: number }>('GET', `/reports/groups?${q}`);
      if (current) setFound(res);
    });
    return () => {
      current = false;
    };
  }, [filter, generation]);
  const pages = found ? Math.max(1, Math.ceil(found.total / PAGE)) : 1;
  return (
    <>
      <h1>Reports</h1>
      <p class="muted">
        Crashes and events your apps send to <code>/reports/ingest</code> with their report key, grouped by
        app, version, platform, arch and reason.
      </p>
      <Section title="Filters">
        <div class="row">
          <label>
            App
            <select
              value={filter.app}
              onChange={(e) => setFilter({ ...filter, app: e.currentTarget.value, page: 1 })}
            >
              <option value="">All apps</option>
              {apps.map((a) => (
                <option key={a.ID}>{a.AppName}</option>
              ))}
            </select>
          </label>
          <label>
            Status
            <select
              value={filter.status}
              onChange={(e) => setFilter({ ...filter, status: e.currentTarget.value, page: 1 })}
            >
              <option value="all">Any status</option>
              {STATUSES.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </label>
        </div>
        <ErrorText error={load.error} />
      </Section>
      {found ? (
        <section aria-label="Report groups" aria-busy={load.busy}>
          <h2>
            {found.total} group(s){pages > 1 ? `, page ${filter.page} of ${pages}` : ''}
          </h2>
          {found.items.length === 0 ? (
            <p class="muted">No report group matches.</p>
          ) : (
            <ul class="plain groups">
              {found.items.map((g) => (
                <Group key={g.id} me={me} group={g} onChanged={() => setGeneration((g) => g + 1)} />
              ))}
            </ul>
          )}
          {pages > 1 ? (
            <div class="row">
              <button
                type="button"
                class="secondary"
                disabled={filter.page <= 1}
                onClick={() => setFilter({ ...filter, page: filter.page - 1 })}
              >
                Newer groups
              </button>
              <button
                type="button"
                class="secondary"
                disabled={filter.page >= pages}
                onClick={() => setFilter({ ...filter, page: filter.page + 1 })}
              >
                Older groups
              </button>
            </div>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
