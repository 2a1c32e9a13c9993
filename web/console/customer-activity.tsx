import { useEffect, useState } from 'preact/hooks';
import type * as api from './api';
import { BarChart, ColumnChart, lastDays } from './charts';
import { ErrorText, formText, Section, useAction } from './ui';

/** A call to `/v1` with the pasted admin key (see customers.tsx). */
export type V1 = <T>(method: string, path: string, body?: unknown) => Promise<T>;

const when = (iso: string) => new Date(iso).toLocaleString();

/** One application's downloads as the admin key sees them: totals, per day and version, and the latest ones. */
export function DownloadStats({
  v1,
  apps,
  nameOf,
}: {
  v1: V1;
  apps: api.CustomerApp[];
  nameOf: (customerId: string) => string;
}) {
  const [asked, setAsked] = useState('');
  const [stats, setStats] = useState<api.AppStats | null>(null);
  const load = useAction();
  const app = asked || apps[0]?.applicationId || '';
  useEffect(() => {
    if (!app) return;
    // A slower answer for the app chosen before must not replace this one's.
    let current = true;
    void load.run(async () => {
      const next = await v1<api.AppStats>('GET', `/applications/${encodeURIComponent(app)}/stats`);
      if (current) setStats(next);
    });
    return () => {
      current = false;
    };
  }, [app]);
  return (
    <Section title="Downloads">
      {apps.length === 0 ? (
        <p class="muted">No applications yet.</p>
      ) : (
        <>
          <div class="row">
            <label>
              Application
              <select value={app} onChange={(e) => setAsked(e.currentTarget.value)}>
                {apps.map((a) => (
                  <option key={a.applicationId} value={a.applicationId}>
                    {a.applicationId}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <ErrorText error={load.error} />
          {stats && stats.applicationId === app ? (
            <div aria-busy={load.busy}>
              <dl class="figures spaced">
                <div>
                  <dt>Downloads</dt>
                  <dd data-testid="total-downloads">{stats.totalDownloads}</dd>
                </div>
                <div>
                  <dt>Customers who downloaded</dt>
                  <dd data-testid="unique-customers">{stats.uniqueCustomers}</dd>
                </div>
              </dl>
              <div class="charts">
                <ColumnChart
                  title="Downloads per day, last 30 days"
                  points={lastDays(stats.downloadsByDate, 30)}
                />
                <BarChart
                  title="Downloads per version"
                  unit="version"
                  points={Object.entries(stats.downloadsByVersion).map(([label, value]) => ({
                    label,
                    value,
                  }))}
                  empty="No downloads recorded."
                />
              </div>
              <h3>Recent downloads</h3>
              {stats.recentDownloads.length === 0 ? (
                <p class="muted">No downloads yet.</p>
              ) : (
                <table aria-label={`Recent downloads of ${app}`}>
                  <thead>
                    <tr>
                      <th scope="col">When</th>
                      <th scope="col">Version</th>
                      <th scope="col">Customer</th>
                    </tr>
                  </thead>
                  <tbody>
                    {stats.recentDownloads.map((d) => (
                      <tr key={`${d.downloadedAt}-${d.customerId}-${d.version}`}>
                        <td>{when(d.downloadedAt)}</td>
                        <td>{d.version}</td>
                        <td>{nameOf(d.customerId)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </div>
          ) : null}
        </>
      )}
    </Section>
  );
}

/** The filters of the activity list, as `GET /v1/activity` takes them. */
function activityQuery(form: HTMLFormElement): URLSearchParams {
  const q = new URLSearchParams({ limit: '50' });
  const type = formText(form, 'type');
  const customerId = formText(form, 'customerId');
  const from = formText(form, 'from');
  const to = formText(form, 'to');
  if (type) q.set('type', type);
  if (customerId) q.set('customerId', customerId);
  // Days are UTC days, the end one included whole.
  if (from) q.set('startDate', `${from}T00:00:00.000Z`);
  if (to) q.set('endDate', `${to}T23:59:59.999Z`);
  return q;
}

/** Uploads and downloads, newest first, filtered by kind, customer and UTC days, a page of 50 at a time. */
export function ActivityList({ v1, customers }: { v1: V1; customers: api.Customer[] }) {
  const [query, setQuery] = useState(new URLSearchParams({ limit: '50' }));
  const [rows, setRows] = useState<api.Activity[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const load = useAction();
  const fetchPage = (q: URLSearchParams, cursor?: string) => {
    const page = new URLSearchParams(q);
    if (cursor) page.set('cursor', cursor);
    return v1<api.ActivityPage>('GET', `/activity?${page}`);
  };
  useEffect(() => {
    let current = true;
    void load.run(async () => {
      const first = await fetchPage(query);
      if (!current) return;
      setRows(first.activities);
      setNext(first.pagination.nextCursor);
    });
    return () => {
      current = false;
    };
  }, [query]);
  return (
    <Section title="Activity">
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery(activityQuery(e.currentTarget));
        }}
      >
        <label>
          Kind
          <select name="type">
            <option value="">Uploads and downloads</option>
            <option value="upload">Uploads</option>
            <option value="download">Downloads</option>
          </select>
        </label>
        <label>
          Customer
          <select name="customerId">
            <option value="">Every customer</option>
            <option value="admin">The admin</option>
            {customers.map((c) => (
              <option key={c.customerId} value={c.customerId}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          From (UTC day)
          <input type="date" name="from" />
        </label>
        <label>
          To (UTC day)
          <input type="date" name="to" />
        </label>
        <button type="submit" disabled={load.busy}>
          Show activity
        </button>
      </form>
      <ErrorText error={load.error} />
      {rows.length === 0 ? (
        <p class="muted">No activity matches.</p>
      ) : (
        <table aria-label="Activity">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">What</th>
              <th scope="col">App and version</th>
              <th scope="col">File</th>
              <th scope="col">Customer</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => (
              <tr key={a.id}>
                <td>{when(a.timestamp)}</td>
                <td>
                  {a.type === 'upload' ? 'Upload' : 'Download'}
                  {a.uploadMethod || a.downloadSource ? (
                    <span class="muted"> ({a.uploadMethod ?? a.downloadSource})</span>
                  ) : null}
                </td>
                <td>
                  {a.applicationId} {a.version}
                </td>
                <td>{a.fileName ?? '—'}</td>
                <td>{a.customerName ?? a.customerId}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next ? (
        <button
          type="button"
          class="secondary"
          disabled={load.busy}
          onClick={() =>
            void load.run(async () => {
              const more = await fetchPage(query, next);
              setRows([...rows, ...more.activities]);
              setNext(more.pagination.nextCursor);
            })
          }
        >
          Show older activity
        </button>
      ) : null}
    </Section>
  );
}
