import './console.css';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import * as api from './api';
import { AppScreen } from './app-screen';
import { AppsScreen } from './apps';
import { CatalogScreen } from './catalog';
import { CustomersScreen } from './customers';
import { can } from './permissions';
import { ReportsScreen } from './reports';
import { SignIn, SignUp } from './sign-in';
import { TeamScreen } from './team';
import { TelemetryScreen } from './telemetry';
import { ErrorText } from './ui';

function useHash(): string {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const changed = () => setHash(location.hash);
    addEventListener('hashchange', changed);
    return () => removeEventListener('hashchange', changed);
  }, []);
  return hash;
}

function ThemeToggle() {
  const [dark, setDark] = useState(matchMedia('(prefers-color-scheme: dark)').matches);
  useEffect(() => {
    document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  }, [dark]);
  return (
    <button type="button" class="secondary" aria-pressed={dark} onClick={() => setDark(!dark)}>
      Dark theme
    </button>
  );
}

function Shell({ me, onSignOut }: { me: api.Me; onSignOut: () => void }) {
  const hash = useHash();
  const appMatch = /^#\/apps\/([^/]+)/.exec(hash);
  let screen = <AppsScreen me={me} />;
  if (appMatch?.[1]) screen = <AppScreen me={me} name={decodeURIComponent(appMatch[1])} />;
  else if (hash === '#/catalog') screen = <CatalogScreen me={me} />;
  else if (hash === '#/telemetry') screen = <TelemetryScreen />;
  else if (hash === '#/reports' && can(me, 'Apps', 'Download')) screen = <ReportsScreen me={me} />;
  else if (hash === '#/team' && me.is_admin) screen = <TeamScreen />;
  else if (hash === '#/customers' && me.is_admin) screen = <CustomersScreen />;
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <strong class="brand">Updraft</strong>
        <nav aria-label="Main">
          <a href="#/apps" aria-current={hash === '' || hash.startsWith('#/apps') ? 'page' : undefined}>
            Apps
          </a>
          <a href="#/catalog" aria-current={hash === '#/catalog' ? 'page' : undefined}>
            Channels, platforms, archs
          </a>
          <a href="#/telemetry" aria-current={hash === '#/telemetry' ? 'page' : undefined}>
            Telemetry
          </a>
          {can(me, 'Apps', 'Download') ? (
            <a href="#/reports" aria-current={hash === '#/reports' ? 'page' : undefined}>
              Reports
            </a>
          ) : null}
          {me.is_admin ? (
            <a href="#/team" aria-current={hash === '#/team' ? 'page' : undefined}>
              Team and tokens
            </a>
          ) : null}
          {me.is_admin ? (
            <a href="#/customers" aria-current={hash === '#/customers' ? 'page' : undefined}>
              Customers
            </a>
          ) : null}
        </nav>
        <span class="who">
          {me.username}
          {me.is_admin ? ' (admin)' : ` (team of ${me.owner})`}
        </span>
        <ThemeToggle />
        <button type="button" class="secondary" onClick={onSignOut}>
          Sign out
        </button>
      </header>
      <main id="main">{screen}</main>
    </>
  );
}

function Root() {
  const [me, setMe] = useState<api.Me | null | undefined>(undefined);
  const [signUp, setSignUp] = useState(false);
  const [error, setError] = useState('');
  const load = async () => {
    try {
      setMe((await api.resume()) ? await api.me() : null);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  useEffect(() => {
    void load();
  }, []);
  if (error)
    return (
      <main id="main">
        <ErrorText error={error} />
      </main>
    );
  if (me === undefined) return <p aria-busy="true">Loading…</p>;
  if (me === null) {
    return signUp ? (
      <SignUp onDone={() => setSignUp(false)} />
    ) : (
      <SignIn onSignedIn={load} onSignUp={() => setSignUp(true)} />
    );
  }
  return (
    <Shell
      me={me}
      onSignOut={async () => {
        await api.signOut();
        location.hash = '';
        setMe(null);
      }}
    />
  );
}

const root = document.getElementById('app');
if (root) render(<Root />, root);
