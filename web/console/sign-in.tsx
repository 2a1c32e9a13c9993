import { useState } from 'preact/hooks';
import * as api from './api';
import { ErrorText, formText, useAction } from './ui';

export function SignIn({ onSignedIn, onSignUp }: { onSignedIn: () => void; onSignUp: () => void }) {
  const { busy, error, run } = useAction();
  return (
    <main id="main" class="narrow">
      <h1>Sign in to Updraft</h1>
      <form
        class="card"
        onSubmit={(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          void run(async () => {
            await api.signIn(formText(form, 'username'), formText(form, 'password'));
            onSignedIn();
          });
        }}
      >
        <label>
          Username
          <input name="username" autocomplete="username" required />
        </label>
        <label>
          Password
          <input name="password" type="password" autocomplete="current-password" required />
        </label>
        <ErrorText error={error} />
        <button type="submit" disabled={busy}>
          Sign in
        </button>
      </form>
      <p>
        First start?{' '}
        <button type="button" class="link" onClick={onSignUp}>
          Create the admin account
        </button>
      </p>
    </main>
  );
}

export function SignUp({ onDone }: { onDone: () => void }) {
  const { busy, error, run } = useAction();
  const [created, setCreated] = useState(false);
  return (
    <main id="main" class="narrow">
      <h1>Create an admin account</h1>
      <p>
        Use the one-time sign-up key that <code>npm start</code> printed at its first start (or the API_KEY
        you configured).
      </p>
      {created ? (
        <p role="status">The account is ready: sign in with it.</p>
      ) : (
        <form
          class="card"
          onSubmit={(e) => {
            e.preventDefault();
            const form = e.currentTarget;
            void run(async () => {
              await api.call('POST', '/signup', {
                username: formText(form, 'username'),
                password: formText(form, 'password'),
                api_key: formText(form, 'api_key'),
              });
              setCreated(true);
            });
          }}
        >
          <label>
            Sign-up key
            <input name="api_key" autocomplete="off" required />
          </label>
          <label>
            Username
            <input name="username" autocomplete="username" required />
          </label>
          <label>
            Password (at least 8 characters)
            <input name="password" type="password" autocomplete="new-password" minLength={8} required />
          </label>
          <ErrorText error={error} />
          <button type="submit" disabled={busy}>
            Create account
          </button>
        </form>
      )}
      <p>
        <button type="button" class="link" onClick={onDone}>
          Back to sign-in
        </button>
      </p>
    </main>
  );
}
