import { useEffect, useState } from 'preact/hooks';
import * as api from './api';
import { ActivityList, DownloadStats } from './customer-activity';
import { CopyButton, ErrorText, formText, Section, useAction } from './ui';

/** BinDist's tiers, lowest first. */
const TIERS = ['Basic', 'Premium', 'Enterprise'] as const;

interface Data {
  customers: api.Customer[];
  apps: api.CustomerApp[];
  links: api.ShareLink[];
}

/**
 * The tenant's BinDist customers, managed through `/v1/management/*` with the admin key. The key is pasted, kept
 * in this component's state only (never in storage), and never regenerated here: rotating it would break the
 * admin's scripts that use it.
 */
export function CustomersScreen() {
  const [key, setKey] = useState('');
  return (
    <>
      <h1>Customers</h1>
      {key ? <Customers adminKey={key} onForget={() => setKey('')} /> : <KeyForm onKey={setKey} />}
    </>
  );
}

function KeyForm({ onKey }: { onKey: (key: string) => void }) {
  const action = useAction();
  return (
    <Section title="BinDist admin key">
      <p class="muted">
        The admin key was shown once, when it was created with{' '}
        <code>POST /v1/management/admin/regenerate-key</code> (see docs/bindist.md). Paste it here: the
        console keeps it only while this page is open. It cannot show or rotate the key, since rotating it
        would stop the scripts that use it.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const key = formText(e.currentTarget, 'key');
          // A first read checks the key before the screen takes it.
          void action.run(async () => {
            await api.bindist(key, 'GET', '/management/customers');
            onKey(key);
          });
        }}
      >
        <label>
          Admin key
          <input name="key" type="password" required autocomplete="off" />
        </label>
        <button type="submit" disabled={action.busy}>
          Use the key
        </button>
        <ErrorText error={action.error} />
      </form>
    </Section>
  );
}

/** The tiers to choose from; `current` starts selected (Preact has no defaultValue for a select). */
function TierOptions({ current = '' }: { current?: string }) {
  return (
    <>
      <option value="" selected={current === ''}>
        None
      </option>
      {TIERS.map((t) => (
        <option key={t} selected={current === t}>
          {t}
        </option>
      ))}
    </>
  );
}

function Customers({ adminKey, onForget }: { adminKey: string; onForget: () => void }) {
  const [data, setData] = useState<Data>({ customers: [], apps: [], links: [] });
  const [created, setCreated] = useState<{ name: string; apiKey: string } | null>(null);
  const load = useAction();
  const change = useAction();
  const v1 = <T,>(method: string, path: string, body?: unknown) =>
    api.bindist<T>(adminKey, method, path, body);
  const reload = async () => {
    const [customers, apps, links] = await Promise.all([
      v1<{ customers: api.Customer[] }>('GET', '/management/customers'),
      v1<{ applications: api.CustomerApp[] }>('GET', '/applications?limit=100&sortBy=name'),
      v1<{ shareLinks: api.ShareLink[] }>('GET', '/management/share-links'),
    ]);
    setData({ customers: customers.customers, apps: apps.applications, links: links.shareLinks });
  };
  useEffect(() => {
    void load.run(reload);
  }, [adminKey]);
  const act = (action: () => Promise<unknown>) =>
    change.run(async () => {
      await action();
      await reload();
    });
  const link = (applicationId: string, customerId: string, linked: boolean) =>
    act(() =>
      v1('PUT', `/management/applications/${encodeURIComponent(applicationId)}/customers`, {
        [linked ? 'addCustomerIds' : 'removeCustomerIds']: [customerId],
      }),
    );
  const appsOf = (customerId: string) =>
    data.apps.filter((a) => a.customers.some((c) => c.customerId === customerId));
  const nameOf = (customerId: string) =>
    data.customers.find((c) => c.customerId === customerId)?.name ?? customerId;
  return (
    <>
      <p>
        <button type="button" class="secondary" onClick={onForget}>
          Forget the admin key
        </button>
      </p>
      <ErrorText error={load.error || change.error} />
      <Section title="New customer">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const form = e.currentTarget;
            const name = formText(form, 'name');
            const tier = formText(form, 'tier');
            void act(async () => {
              const made = await v1<{ apiKey: string }>('POST', '/management/customers', {
                name,
                ...(tier ? { tier } : {}),
              });
              setCreated({ name, apiKey: made.apiKey });
              form.reset();
            });
          }}
        >
          <div class="row">
            <label>
              Name
              <input name="name" required />
            </label>
            <label>
              Tier
              <select name="tier">
                <TierOptions />
              </select>
            </label>
          </div>
          <button type="submit" disabled={change.busy}>
            Create customer
          </button>
        </form>
        {created ? (
          <div role="status">
            <p>
              The API key of {created.name}, shown only now: give it to the customer.{' '}
              <code data-testid="customer-key">{created.apiKey}</code>{' '}
              <CopyButton text={created.apiKey} what="customer's API key" />
            </p>
          </div>
        ) : null}
      </Section>
      <Section title="Customers and their apps">
        {data.customers.length === 0 ? (
          <p class="muted">No customers yet.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Customer</th>
                <th scope="col">Tier</th>
                <th scope="col">Apps it sees</th>
                <th scope="col">Link an app</th>
              </tr>
            </thead>
            <tbody>
              {data.customers.map((c) => {
                const linked = appsOf(c.customerId);
                const free = data.apps.filter((a) => !linked.includes(a));
                return (
                  <tr key={c.customerId}>
                    <th scope="row">
                      {c.name}
                      {c.isActive ? '' : ' (disabled)'}
                    </th>
                    <td>
                      <form
                        class="row"
                        onSubmit={(e) => {
                          e.preventDefault();
                          const tier = formText(e.currentTarget, 'tier');
                          void act(() =>
                            v1('PATCH', `/management/customers/${encodeURIComponent(c.customerId)}`, {
                              tier: tier || null,
                            }),
                          );
                        }}
                      >
                        <label>
                          <span class="visually-hidden">Tier of {c.name}</span>
                          <select name="tier" key={c.tier ?? ''}>
                            <TierOptions current={c.tier ?? ''} />
                          </select>
                        </label>
                        <button type="submit" class="secondary" disabled={change.busy}>
                          Set tier<span class="visually-hidden"> of {c.name}</span>
                        </button>
                      </form>
                    </td>
                    <td>
                      {linked.length === 0 ? (
                        <span class="muted">none</span>
                      ) : (
                        <ul class="plain">
                          {linked.map((a) => (
                            <li key={a.applicationId}>
                              {a.applicationId}{' '}
                              <button
                                type="button"
                                class="secondary"
                                disabled={change.busy}
                                onClick={() => void link(a.applicationId, c.customerId, false)}
                              >
                                Unlink
                                <span class="visually-hidden">
                                  {' '}
                                  {a.applicationId} from {c.name}
                                </span>
                              </button>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td>
                      {free.length === 0 ? (
                        <span class="muted">every app is linked</span>
                      ) : (
                        <form
                          class="row"
                          onSubmit={(e) => {
                            e.preventDefault();
                            void link(formText(e.currentTarget, 'app'), c.customerId, true);
                          }}
                        >
                          <label>
                            <span class="visually-hidden">App to link to {c.name}</span>
                            <select name="app">
                              {free.map((a) => (
                                <option key={a.applicationId} value={a.applicationId}>
                                  {a.applicationId}
                                </option>
                              ))}
                            </select>
                          </label>
                          <button type="submit" disabled={change.busy}>
                            Link<span class="visually-hidden"> to {c.name}</span>
                          </button>
                        </form>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </Section>
      <DownloadStats v1={v1} apps={data.apps} nameOf={nameOf} />
      <ActivityList v1={v1} customers={data.customers} />
      <Section title="Share links">
        {data.links.length === 0 ? (
          <p class="muted">No unexpired share links.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Link starts with</th>
                <th scope="col">App and version</th>
                <th scope="col">Made by</th>
                <th scope="col">Expires</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.links.map((l) => (
                <tr key={l.shareLinkId}>
                  <th scope="row">
                    <code>{l.tokenPrefix}</code>
                  </th>
                  <td>
                    {l.applicationId} {l.version}
                  </td>
                  <td>{l.customerId === 'admin' ? 'the admin' : nameOf(l.customerId)}</td>
                  <td>{new Date(l.expiresAt).toLocaleString()}</td>
                  <td>
                    <button
                      type="button"
                      class="secondary"
                      disabled={change.busy}
                      onClick={() =>
                        void act(() =>
                          v1('DELETE', `/management/share-links/${encodeURIComponent(l.shareLinkId)}`),
                        )
                      }
                    >
                      Revoke<span class="visually-hidden"> the link {l.tokenPrefix}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
    </>
  );
}
