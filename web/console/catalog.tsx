import { useEffect, useState } from 'preact/hooks';
import * as api from './api';
import { can } from './permissions';
import { ErrorText, formText, Section, useAction } from './ui';

const UPDATERS = [
  'manual',
  'electron-builder',
  'squirrel_windows',
  'squirrel_darwin',
  'sparkle',
  'tauri',
  'velopack',
] as const;

interface Kind {
  title: string;
  path: 'channel' | 'platform' | 'arch';
  perm: keyof api.Permissions;
  field: string;
}

const KINDS: Kind[] = [
  { title: 'Channels', path: 'channel', perm: 'Channels', field: 'channel' },
  { title: 'Platforms', path: 'platform', perm: 'Platforms', field: 'platform' },
  { title: 'Archs', path: 'arch', perm: 'Archs', field: 'arch' },
];

interface Item {
  id: string;
  name: string;
  updaters?: api.Updater[];
}

async function listOf(kind: Kind): Promise<Item[]> {
  if (kind.path === 'channel') return (await api.channels()).map((c) => ({ id: c.ID, name: c.ChannelName }));
  if (kind.path === 'arch') return (await api.archs()).map((a) => ({ id: a.ID, name: a.ArchID }));
  return (await api.platforms()).map((p) => ({ id: p.ID, name: p.PlatformName, updaters: p.Updaters }));
}

function NamedList({ me, kind }: { me: api.Me; kind: Kind }) {
  const [items, setItems] = useState<Item[]>([]);
  const action = useAction();
  const refresh = () => action.run(async () => setItems(await listOf(kind)));
  useEffect(() => {
    void refresh();
  }, []);
  const body = (form: HTMLFormElement, id?: string) => {
    const data: Record<string, unknown> = { [kind.field]: formText(form, 'name') };
    if (id) data.id = id;
    if (kind.path === 'platform') data.updaters = [{ type: formText(form, 'updater'), default: true }];
    return data;
  };
  return (
    <Section title={kind.title}>
      <ul class="named">
        {items.map((item) => (
          <li key={item.id}>
            <span>{item.name}</span>
            {item.updaters ? <span class="muted"> {item.updaters.map((u) => u.type).join(', ')}</span> : null}
            {can(me, kind.perm, 'Delete') ? (
              <button
                type="button"
                class="danger"
                aria-label={`Delete ${kind.field} ${item.name}`}
                onClick={() => {
                  if (!confirm(`Delete ${kind.field} ${item.name}?`)) return;
                  void action.run(async () => {
                    await api.call('DELETE', `/${kind.path}/delete?id=${encodeURIComponent(item.id)}`);
                    setItems(await listOf(kind));
                  });
                }}
              >
                Delete
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      <ErrorText error={action.error} />
      {can(me, kind.perm, 'Create') ? (
        <form
          class="inline"
          onSubmit={(e) => {
            e.preventDefault();
            const form = e.currentTarget;
            void action.run(async () => {
              await api.call('POST', `/${kind.path}/create`, body(form));
              form.reset();
              setItems(await listOf(kind));
            });
          }}
        >
          <label>
            New {kind.field}
            <input name="name" required />
          </label>
          {kind.path === 'platform' ? (
            <label>
              Updater
              <select name="updater">
                {UPDATERS.map((u) => (
                  <option key={u}>{u}</option>
                ))}
              </select>
            </label>
          ) : null}
          <button type="submit" disabled={action.busy}>
            Add {kind.field}
          </button>
        </form>
      ) : null}
    </Section>
  );
}

export function CatalogScreen({ me }: { me: api.Me }) {
  return (
    <>
      <h1>Channels, platforms and archs</h1>
      {KINDS.map((kind) => (
        <NamedList key={kind.path} me={me} kind={kind} />
      ))}
    </>
  );
}
