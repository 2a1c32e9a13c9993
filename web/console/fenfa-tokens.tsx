import { useEffect, useState } from 'preact/hooks';
import * as api from './api';
import { ErrorText, formText, SecretShownOnce, Section, useAction } from './ui';

const SCOPES = [
  { value: 'upload', hint: 'uploads releases' },
  { value: 'admin', hint: 'the whole Fenfa admin API, uploads too' },
] as const;

const day = (time: string) => time.slice(0, 10);

/**
 * Fenfa's `X-Auth-Token` tokens of the tenant (`/admin/api/tokens`, which takes the admin's console session):
 * listed without their secrets, created with a label and scopes (the secret shown once), revoked.
 */
export function FenfaTokens() {
  const [tokens, setTokens] = useState<api.FenfaToken[]>([]);
  const [secret, setSecret] = useState('');
  const action = useAction();
  const refresh = async () => {
    setTokens((await api.fenfa<{ items: api.FenfaToken[] }>('GET', '/tokens')).items);
  };
  useEffect(() => {
    void action.run(refresh);
  }, []);
  return (
    <Section title="Fenfa tokens">
      <p class="muted">
        Sent as <code>X-Auth-Token</code> by Fenfa's scripts and CI.
      </p>
      {tokens.length ? (
        <ul class="named" aria-label="Fenfa tokens">
          {tokens.map((t) => (
            <li key={t.id}>
              <span>{t.label}</span>
              <code>{t.token_prefix}…</code>
              <span class="muted">
                {t.scopes.join(', ')}, created {day(t.created_at)}
                {t.last_used_at ? `, last used ${day(t.last_used_at)}` : ', never used'}
              </span>
              <button
                type="button"
                class="danger"
                onClick={() => {
                  if (!confirm(`Revoke the Fenfa token ${t.label}? Scripts using it stop working.`)) return;
                  void action.run(async () => {
                    await api.fenfa('DELETE', `/tokens/${encodeURIComponent(t.id)}`);
                    setSecret('');
                    await refresh();
                  });
                }}
              >
                Revoke {t.label}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p>No Fenfa tokens yet.</p>
      )}
      <SecretShownOnce secret={secret} what="Fenfa token" testId="fenfa-token" />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          void action.run(async () => {
            const created = await api.fenfa<api.NewFenfaToken>('POST', '/tokens', {
              label: formText(form, 'label'),
              scopes: new FormData(form).getAll('scopes').map(String),
            });
            setSecret(created.token);
            form.reset();
            await refresh();
          });
        }}
      >
        <label>
          Fenfa token label
          <input name="label" required maxLength={100} autocomplete="off" placeholder="ci-upload" />
        </label>
        <fieldset>
          <legend>Scopes (at least one)</legend>
          {SCOPES.map((s) => (
            <label key={s.value} class="check">
              <input type="checkbox" name="scopes" value={s.value} /> {s.value}{' '}
              <span class="muted">({s.hint})</span>
            </label>
          ))}
        </fieldset>
        <ErrorText error={action.error} />
        <button type="submit" disabled={action.busy}>
          Create Fenfa token
        </button>
      </form>
    </Section>
  );
}
