import { useEffect, useState } from 'preact/hooks';
import * as api from './api';
import { AppFields, appFormData } from './apps';
import { FeedsSection } from './feeds';
import { PageVisitsSection } from './page-visits';
import { can } from './permissions';
import { ReleasesSection } from './releases';
import { ErrorText, Section, useAction } from './ui';

export interface Catalog {
  channels: api.Channel[];
  platforms: api.Platform[];
  archs: api.Arch[];
}

/** One app: its settings, its releases per channel, its feed URLs and the feed doctor. */
export function AppScreen({ me, name }: { me: api.Me; name: string }) {
  const [app, setApp] = useState<api.App | null | undefined>(undefined);
  const [catalog, setCatalog] = useState<Catalog>({ channels: [], platforms: [], archs: [] });
  const load = useAction();
  const save = useAction();
  const refresh = () =>
    load.run(async () => {
      const [apps, channels, platforms, archs] = await Promise.all([
        api.apps(),
        api.channels(),
        api.platforms(),
        api.archs(),
      ]);
      setApp(apps.find((a) => a.AppName === name) ?? null);
      setCatalog({ channels, platforms, archs });
    });
  useEffect(() => {
    void refresh();
  }, [name]);
  if (app === undefined) return <ErrorText error={load.error} />;
  if (app === null) return <p role="alert">No app named {name} in your account.</p>;
  return (
    <>
      <h1>
        {app.Logo ? <img src={app.Logo} alt="" width={32} height={32} /> : null} {app.AppName}
      </h1>
      <p>
        <a href={`/products/${encodeURIComponent(app.Owner)}/${encodeURIComponent(app.AppName)}`}>
          Public page
        </a>
      </p>
      <ReleasesSection me={me} app={app} catalog={catalog} />
      <FeedsSection app={app} catalog={catalog} />
      {app.Private ? null : <PageVisitsSection app={app} />}
      {can(me, 'Apps', 'Edit') ? (
        <Section title="Settings">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const form = e.currentTarget;
              void save.run(async () => {
                const renamed = appFormData(form, app.ID);
                await api.call('POST', '/app/update', renamed);
                const next = (JSON.parse(String(renamed.get('data'))) as { app: string }).app;
                if (next !== name) location.hash = `#/apps/${encodeURIComponent(next)}`;
                else await refresh();
              });
            }}
          >
            <AppFields app={app} />
            <ErrorText error={save.error} />
            <button type="submit" disabled={save.busy}>
              Save app
            </button>
          </form>
          {can(me, 'Apps', 'Delete') ? (
            <button
              type="button"
              class="danger"
              onClick={() => {
                if (!confirm(`Delete ${app.AppName} and every release of it?`)) return;
                void save.run(async () => {
                  await api.call('DELETE', `/app/delete?id=${encodeURIComponent(app.ID)}`);
                  location.hash = '#/apps';
                });
              }}
            >
              Delete app
            </button>
          ) : null}
        </Section>
      ) : null}
    </>
  );
}
