import { useEffect, useRef, useState } from 'preact/hooks';
import * as api from './api';
import type { Catalog } from './app-screen';
import { ChangelogEditor } from './changelog';
import { can } from './permissions';
import { bytes, ErrorText, formChecked, formText, Section, useAction } from './ui';

function Picker({ label, name, options }: { label: string; name: string; options: string[] }) {
  if (options.length === 0) return null;
  return (
    <label>
      {label}
      <select name={name}>
        {options.map((o) => (
          <option key={o}>{o}</option>
        ))}
      </select>
    </label>
  );
}

/** The upload form: several files, labelled fields, a progress bar fed by XMLHttpRequest, and cancel. */
function UploadForm({
  app,
  catalog,
  onUploaded,
}: {
  app: api.App;
  catalog: Catalog;
  onUploaded: () => void;
}) {
  const [progress, setProgress] = useState<{ sent: number; total: number } | null>(null);
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const [current, setCurrent] = useState<api.Upload | null>(null);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <form
      class={dragging ? 'dropping' : ''}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        if (fileInput.current && e.dataTransfer?.files.length) fileInput.current.files = e.dataTransfer.files;
      }}
      onSubmit={async (e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const files = [...(fileInput.current?.files ?? [])];
        const data: Record<string, unknown> = {
          app_name: app.AppName,
          version: formText(form, 'version'),
          publish: formChecked(form, 'publish'),
          critical: formChecked(form, 'critical'),
          changelog: formText(form, 'changelog'),
        };
        for (const field of ['channel', 'platform', 'arch']) {
          const value = formText(form, field);
          if (value) data[field] = value;
        }
        setError('');
        setDone('');
        setProgress({ sent: 0, total: files.reduce((sum, f) => sum + f.size, 0) });
        const upload = api.upload('/upload', api.dataForm(data, files), (sent, total) =>
          setProgress({ sent, total }),
        );
        setCurrent(upload);
        try {
          await upload.done;
          setDone(`Uploaded ${files.length} file(s) of ${String(data.version)}.`);
          form.reset();
          onUploaded();
        } catch (err) {
          setError((err as Error).message);
        } finally {
          setCurrent(null);
        }
      }}
    >
      <label>
        Files (drop them here or choose)
        <input ref={fileInput} name="files" type="file" multiple required />
      </label>
      <div class="row">
        <label>
          Version
          <input name="version" required placeholder="1.2.3" />
        </label>
        <Picker label="Channel" name="channel" options={catalog.channels.map((c) => c.ChannelName)} />
        <Picker label="Platform" name="platform" options={catalog.platforms.map((p) => p.PlatformName)} />
        <Picker label="Arch" name="arch" options={catalog.archs.map((a) => a.ArchID)} />
      </div>
      <ChangelogEditor name="changelog" />
      <label class="check">
        <input type="checkbox" name="publish" /> Publish
      </label>
      <label class="check">
        <input type="checkbox" name="critical" /> Critical
      </label>
      {progress ? (
        <p class="progress">
          <progress
            aria-label="Upload progress"
            max={progress.total || 1}
            value={progress.total ? progress.sent : 0}
          />
          <span>{progress.total ? Math.round((progress.sent / progress.total) * 100) : 0}%</span>
        </p>
      ) : null}
      <ErrorText error={error} />
      {done ? <p role="status">{done}</p> : null}
      <button type="submit" disabled={current !== null}>
        Upload
      </button>
      {current ? (
        <button type="button" class="secondary" onClick={() => current.cancel()}>
          Cancel upload
        </button>
      ) : null}
    </form>
  );
}

function ReleaseCard({
  me,
  release,
  onChanged,
}: {
  me: api.Me;
  release: api.Release;
  onChanged: () => void;
}) {
  const action = useAction();
  const [rollout, setRollout] = useState(release.RolloutPercent);
  const update = (fields: Record<string, unknown>) =>
    action.run(async () => {
      await api.call(
        'POST',
        '/apps/update',
        api.dataForm({ id: release.ID, app_name: release.AppName, version: release.Version, ...fields }),
      );
      onChanged();
    });
  const editable = can(me, 'Apps', 'Edit');
  return (
    <li class="card release">
      <h3>
        {release.Version}{' '}
        <span class={release.Published ? 'badge ok' : 'badge'}>
          {release.Published ? 'published' : 'draft'}
        </span>
        {release.Critical ? <span class="badge warn">critical</span> : null}
      </h3>
      {editable ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void update({ changelog: formText(e.currentTarget, 'changelog') });
          }}
        >
          <ChangelogEditor name="changelog" initial={release.Changelog[0]?.Changes ?? ''} />
          <button type="submit" class="secondary" disabled={action.busy}>
            Save changelog of {release.Version}
          </button>
        </form>
      ) : release.Changelog[0]?.Changes ? (
        <pre class="notes">{release.Changelog[0].Changes}</pre>
      ) : null}
      <table>
        <caption class="visually-hidden">Files of {release.Version}</caption>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Platform</th>
            <th scope="col">Size</th>
            <th scope="col">SHA-256</th>
          </tr>
        </thead>
        <tbody>
          {release.Artifacts.map((a) => (
            <tr key={a.id}>
              <td>
                <a href={a.link}>{a.file_name}</a>
              </td>
              <td>
                {a.platform} {a.arch}
              </td>
              <td>{bytes(a.size)}</td>
              <td>
                <code class="hash">{a.sha256}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editable ? (
        <div class="row">
          <button
            type="button"
            onClick={() => update({ publish: !release.Published })}
            disabled={action.busy}
          >
            {release.Published ? 'Unpublish' : 'Publish'} {release.Version}
          </button>
          <label class="check">
            <input
              type="checkbox"
              checked={release.Critical}
              onChange={() => update({ critical: !release.Critical })}
            />
            Critical
          </label>
          <label class="check">
            <input
              type="checkbox"
              checked={release.Intermediate}
              onChange={() => update({ intermediate: !release.Intermediate })}
            />
            Required intermediate
          </label>
          <label>
            Rollout {rollout}%
            <input
              type="range"
              min={0}
              max={100}
              step={5}
              value={rollout}
              onInput={(e) => setRollout(Number(e.currentTarget.value))}
              onChange={(e) => update({ rollout: Number(e.currentTarget.value) })}
            />
          </label>
        </div>
      ) : null}
      {can(me, 'Apps', 'Delete') ? (
        <button
          type="button"
          class="danger"
          onClick={() => {
            if (!confirm(`Delete version ${release.Version} and its files?`)) return;
            void action.run(async () => {
              await api.call('DELETE', `/apps/delete?id=${encodeURIComponent(release.ID)}`);
              onChanged();
            });
          }}
        >
          Delete {release.Version}
        </button>
      ) : null}
      <ErrorText error={action.error} />
    </li>
  );
}

/** The app's versions as a timeline per channel, newest first, and the upload form. */
export function ReleasesSection({ me, app, catalog }: { me: api.Me; app: api.App; catalog: Catalog }) {
  const [list, setList] = useState<api.Release[]>([]);
  const load = useAction();
  const refresh = () => load.run(async () => setList(await api.releases(app.AppName)));
  useEffect(() => {
    void refresh();
  }, [app.AppName]);
  const byChannel = new Map<string, api.Release[]>();
  for (const r of list) {
    const key = r.Channel || '(no channel)';
    byChannel.set(key, [...(byChannel.get(key) ?? []), r]);
  }
  return (
    <Section title="Releases">
      <ErrorText error={load.error} />
      {[...byChannel].map(([channel, releases]) => (
        <div key={channel}>
          <h3>Channel {channel}</h3>
          <ol class="timeline">
            {releases.map((r) => (
              <ReleaseCard key={r.ID} me={me} release={r} onChanged={refresh} />
            ))}
          </ol>
        </div>
      ))}
      {list.length === 0 ? <p>No releases yet.</p> : null}
      {can(me, 'Apps', 'Upload') ? (
        <>
          <h3>Upload a release</h3>
          <UploadForm app={app} catalog={catalog} onUploaded={refresh} />
        </>
      ) : null}
    </Section>
  );
}
