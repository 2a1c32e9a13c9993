import { useEffect, useRef, useState } from 'preact/hooks';
import * as api from './api';
import { FenfaTokens } from './fenfa-tokens';
import { ErrorText, formText, SecretShownOnce, Section, useAction } from './ui';

interface TeamUser {
  id: string;
  username: string;
  permissions: api.Permissions;
}

interface ApiToken {
  id: string;
  name: string;
  token_prefix: string;
  allowed_apps: string[];
  created_at: string;
  last_used_at?: string;
}

const APP_RIGHTS = ['Create', 'Edit', 'Delete', 'Upload', 'Download'] as const;
const CATALOG_RIGHTS = ['Create', 'Edit', 'Delete'] as const;
const CATALOG_KINDS = ['Channels', 'Platforms', 'Archs'] as const;

/**
 * The permission matrix as FaynoSync's document: rights per kind, and the apps, channels, platforms and archs the
 * user may see and act on (an empty list allows none of them).
 */
function permissionsFrom(form: HTMLFormElement) {
  const data = new FormData(form);
  const flags = (kind: string, rights: readonly string[]) =>
    Object.fromEntries(rights.map((r) => [r.toLowerCase(), data.get(`${kind}.${r}`) === 'on']));
  return {
    apps: { ...flags('Apps', APP_RIGHTS), allowed: data.getAll('apps.allowed').map(String) },
    ...Object.fromEntries(
      CATALOG_KINDS.map((k) => [
        k.toLowerCase(),
        { ...flags(k, CATALOG_RIGHTS), allowed: data.getAll(`${k.toLowerCase()}.allowed`).map(String) },
      ]),
    ),
  };
}

/** The tenant's catalog, for the allowed lists. */
export interface Catalog {
  apps: api.App[];
  channels: api.Channel[];
  platforms: api.Platform[];
  archs: api.Arch[];
}

function AllowedList({
  legend,
  name,
  items,
  allowed = [],
}: {
  legend: string;
  name: string;
  items: { id: string; label: string }[];
  allowed?: string[];
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {items.map((item) => (
        <label key={item.id} class="check">
          <input type="checkbox" name={name} value={item.id} defaultChecked={allowed.includes(item.id)} />{' '}
          {item.label}
        </label>
      ))}
    </fieldset>
  );
}

/** The matrix of rights and allowed lists; `initial` prefills it with a user's permissions for editing. */
function Matrix({ catalog, initial }: { catalog: Catalog; initial?: api.Permissions }) {
  const granted = (kind: keyof api.Permissions, right: string) =>
    (initial?.[kind] as Record<string, unknown> | undefined)?.[right] === true;
  return (
    <>
      <table class="matrix">
        <caption>Rights</caption>
        <thead>
          <tr>
            <th scope="col">Kind</th>
            {APP_RIGHTS.map((r) => (
              <th key={r} scope="col">
                {r}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {['Apps', ...CATALOG_KINDS].map((kind) => (
            <tr key={kind}>
              <th scope="row">{kind}</th>
              {APP_RIGHTS.map((r) => (
                <td key={r}>
                  {kind === 'Apps' || (CATALOG_RIGHTS as readonly string[]).includes(r) ? (
                    <input
                      type="checkbox"
                      name={`${kind}.${r}`}
                      aria-label={`${kind}: ${r}`}
                      defaultChecked={granted(kind as keyof api.Permissions, r)}
                    />
                  ) : null}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <AllowedList
        legend="Apps this user sees"
        name="apps.allowed"
        allowed={initial?.Apps.Allowed}
        items={catalog.apps.map((a) => ({ id: a.ID, label: a.AppName }))}
      />
      <AllowedList
        legend="Channels"
        name="channels.allowed"
        allowed={initial?.Channels.Allowed}
        items={catalog.channels.map((c) => ({ id: c.ID, label: c.ChannelName }))}
      />
      <AllowedList
        legend="Platforms"
        name="platforms.allowed"
        allowed={initial?.Platforms.Allowed}
        items={catalog.platforms.map((p) => ({ id: p.ID, label: p.PlatformName }))}
      />
      <AllowedList
        legend="Archs"
        name="archs.allowed"
        allowed={initial?.Archs.Allowed}
        items={catalog.archs.map((a) => ({ id: a.ID, label: a.ArchID }))}
      />
    </>
  );
}

/**
 * Changes a team user through FaynoSync's update route: its name, its password (left empty, it stays) and its
 * permissions, which replace the old ones whole. The user's sessions end, so it signs in again with the new rights.
 */
function EditUser({
  user,
  catalog,
  onDone,
}: {
  user: TeamUser;
  catalog: Catalog;
  onDone: (saved: boolean) => void;
}) {
  const action = useAction();
  const name = useRef<HTMLInputElement>(null);
  // Keyboard users land in the form they opened, not back at the top of the list.
  useEffect(() => name.current?.focus(), []);
  return (
    <section class="card" aria-label={`Edit ${user.username}`}>
      <h3>Edit {user.username}</h3>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          void action.run(async () => {
            await api.call('POST', '/user/update', {
              id: user.id,
              username: formText(form, 'username'),
              password: formText(form, 'password'),
              permissions: permissionsFrom(form),
            });
            onDone(true);
          });
        }}
      >
        <div class="row">
          <label>
            Name
            <input ref={name} name="username" required autocomplete="off" defaultValue={user.username} />
          </label>
          <label>
            New password (empty keeps it)
            <input name="password" type="password" minLength={8} autocomplete="new-password" />
          </label>
        </div>
        <Matrix catalog={catalog} initial={user.permissions} />
        <ErrorText error={action.error} />
        <div class="row">
          <button type="submit" disabled={action.busy}>
            Save {user.username}
          </button>
          <button type="button" class="secondary" onClick={() => onDone(false)}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}

/** Team users, API tokens and Fenfa tokens: the admin's screen, where every credential of the tenant is made. */
export function TeamScreen() {
  const [catalog, setCatalog] = useState<Catalog>({ apps: [], channels: [], platforms: [], archs: [] });
  const { apps } = catalog;
  const [users, setUsers] = useState<TeamUser[]>([]);
  const [tokens, setTokens] = useState<ApiToken[]>([]);
  const [secret, setSecret] = useState('');
  const [editing, setEditing] = useState<TeamUser | null>(null);
  const [saved, setSaved] = useState('');
  const userAction = useAction();
  const tokenAction = useAction();
  const refresh = async () => {
    const [a, c, p, x, u, t] = await Promise.all([
      api.apps(),
      api.channels(),
      api.platforms(),
      api.archs(),
      api.call<{ users: TeamUser[] }>('GET', '/users/list'),
      api.call<{ tokens: ApiToken[] }>('GET', '/token/list'),
    ]);
    setCatalog({ apps: a, channels: c ?? [], platforms: p ?? [], archs: x ?? [] });
    setUsers(u.users);
    setTokens(t.tokens);
  };
  useEffect(() => {
    void userAction.run(refresh);
  }, []);
  const appName = (id: string) => apps.find((a) => a.ID === id)?.AppName ?? id;
  return (
    <>
      <h1>Team and API tokens</h1>
      <Section title="Team users">
        <ul class="named">
          {users.map((u) => (
            <li key={u.id}>
              <span>{u.username}</span>
              <span class="muted">
                {' '}
                sees {u.permissions.Apps.Allowed.map(appName).join(', ') || 'no app'}
              </span>
              <button
                type="button"
                class="secondary"
                onClick={() => {
                  setSaved('');
                  setEditing(u);
                }}
              >
                Edit<span class="visually-hidden"> {u.username}</span>
              </button>
              <button
                type="button"
                class="danger"
                onClick={() => {
                  if (!confirm(`Delete team user ${u.username}?`)) return;
                  void userAction.run(async () => {
                    await api.call('DELETE', '/user/delete', { id: u.id });
                    await refresh();
                  });
                }}
              >
                Delete {u.username}
              </button>
            </li>
          ))}
        </ul>
        {editing ? (
          <EditUser
            key={editing.id}
            user={editing}
            catalog={catalog}
            onDone={(done) => {
              setEditing(null);
              if (done) {
                setSaved(`Saved ${editing.username}: its next sign-in has the new rights.`);
                void userAction.run(refresh);
              }
            }}
          />
        ) : null}
        {saved ? <p role="status">{saved}</p> : null}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const form = e.currentTarget;
            void userAction.run(async () => {
              await api.call('POST', '/user/create', {
                username: formText(form, 'username'),
                password: formText(form, 'password'),
                permissions: permissionsFrom(form),
              });
              form.reset();
              await refresh();
            });
          }}
        >
          <div class="row">
            <label>
              New user's name
              <input name="username" required autocomplete="off" />
            </label>
            <label>
              Password
              <input name="password" type="password" minLength={8} required autocomplete="new-password" />
            </label>
          </div>
          <Matrix catalog={catalog} />
          <ErrorText error={userAction.error} />
          <button type="submit" disabled={userAction.busy}>
            Create team user
          </button>
        </form>
      </Section>
      <Section title="API tokens">
        <ul class="named">
          {tokens.map((t) => (
            <li key={t.id}>
              <span>{t.name}</span>
              <code>{t.token_prefix}…</code>
              <span class="muted">
                uploads to {t.allowed_apps.map(appName).join(', ')}
                {t.last_used_at ? `, last used ${t.last_used_at.slice(0, 10)}` : ', never used'}
              </span>
              <button
                type="button"
                class="danger"
                onClick={() => {
                  if (!confirm(`Revoke token ${t.name}?`)) return;
                  void tokenAction.run(async () => {
                    await api.call('DELETE', '/token/delete', { id: t.id });
                    await refresh();
                  });
                }}
              >
                Revoke {t.name}
              </button>
            </li>
          ))}
        </ul>
        <SecretShownOnce secret={secret} what="token" />
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const form = e.currentTarget;
            void tokenAction.run(async () => {
              const created = await api.call<{ token: string }>('POST', '/token/create', {
                name: formText(form, 'name'),
                allowed_apps: new FormData(form).getAll('allowed_apps').map(String),
              });
              setSecret(created.token);
              form.reset();
              await refresh();
            });
          }}
        >
          <label>
            Token name
            <input name="name" required placeholder="release-pipeline" />
          </label>
          <fieldset>
            <legend>Apps it may upload to</legend>
            {apps.map((app) => (
              <label key={app.ID} class="check">
                <input type="checkbox" name="allowed_apps" value={app.ID} /> {app.AppName}
              </label>
            ))}
          </fieldset>
          <ErrorText error={tokenAction.error} />
          <button type="submit" disabled={tokenAction.busy}>
            Create token
          </button>
        </form>
      </Section>
      <FenfaTokens />
    </>
  );
}
