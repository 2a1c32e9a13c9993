import { useEffect, useState } from 'preact/hooks';
import * as api from './api';
import { can } from './permissions';
import { ErrorText, formChecked, formText, Section, useAction } from './ui';

/** The app form's fields, for creating and for editing (private is fixed at creation). */
export function AppFields({ app }: { app?: api.App }) {
  return (
    <>
      <label>
        Name
        <input name="app" required defaultValue={app?.AppName} />
      </label>
      <label>
        Description
        <textarea name="description" rows={2} defaultValue={app?.Description} />
      </label>
      <label>
        Logo (PNG, JPEG, SVG or WebP)
        <input name="logo" type="file" accept="image/*" />
      </label>
      <fieldset>
        <legend>Flags</legend>
        <label class="check">
          <input type="checkbox" name="private" defaultChecked={app?.Private} disabled={app !== undefined} />
          Private (downloads need credentials; fixed at creation)
        </label>
        <label class="check">
          <input type="checkbox" name="reports" defaultChecked={app?.Reports} />
          Crash and event reports
        </label>
        <label class="check">
          <input type="checkbox" name="tuf" defaultChecked={app?.Tuf} />
          TUF metadata
        </label>
        <label class="check">
          <input type="checkbox" name="cdn" defaultChecked={app?.CdnEdge} />
          Edge cache (CDN)
        </label>
      </fieldset>
    </>
  );
}

export function appFormData(form: HTMLFormElement, id?: string): FormData {
  const data: Record<string, unknown> = {
    app: formText(form, 'app'),
    description: formText(form, 'description'),
    reports: formChecked(form, 'reports'),
    tuf: formChecked(form, 'tuf'),
    cdn: formChecked(form, 'cdn'),
  };
  if (id) data.id = id;
  else data.private = formChecked(form, 'private');
  const logo = new FormData(form).get('logo');
  return api.dataForm(data, logo instanceof File && logo.name ? [logo] : []);
}

export function AppsScreen({ me }: { me: api.Me }) {
  const [list, setList] = useState<api.App[]>([]);
  const load = useAction();
  const create = useAction();
  const refresh = () => load.run(async () => setList(await api.apps()));
  useEffect(() => {
    void refresh();
  }, []);
  return (
    <>
      <h1>Apps</h1>
      <ErrorText error={load.error} />
      {list.length === 0 && !load.busy ? <p>No apps yet.</p> : null}
      <ul class="apps" aria-label="Apps">
        {list.map((app) => (
          <li key={app.ID} class="card app">
            {app.Logo ? <img src={app.Logo} alt="" width={40} height={40} /> : <span class="logo" />}
            <div>
              <a href={`#/apps/${encodeURIComponent(app.AppName)}`}>{app.AppName}</a>
              {app.Private ? <span class="badge">private</span> : null}
              <p>{app.Description}</p>
            </div>
          </li>
        ))}
      </ul>
      {can(me, 'Apps', 'Create') ? (
        <Section title="New app">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const form = e.currentTarget;
              void create.run(async () => {
                await api.call('POST', '/app/create', appFormData(form));
                form.reset();
                await refresh();
              });
            }}
          >
            <AppFields />
            <ErrorText error={create.error} />
            <button type="submit" disabled={create.busy}>
              Create app
            </button>
          </form>
        </Section>
      ) : null}
    </>
  );
}
