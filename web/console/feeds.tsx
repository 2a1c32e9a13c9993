import { useState } from 'preact/hooks';
import { feedBase, feedSegment, feedUrls } from '../../src/core/feeds/feed-urls';
import * as api from './api';
import type { Catalog } from './app-screen';
import { CopyButton, ErrorText, formText, Section, useAction } from './ui';

/** The feed URLs of one channel, platform and arch of the app, and the feed doctor for a client of them. */
export function FeedsSection({ app, catalog }: { app: api.App; catalog: Catalog }) {
  const [channel, setChannel] = useState(catalog.channels[0]?.ChannelName ?? '');
  const [platform, setPlatform] = useState(catalog.platforms[0]?.PlatformName ?? '');
  const [arch, setArch] = useState(catalog.archs[0]?.ArchID ?? '');
  const [verdict, setVerdict] = useState<api.Explanation | null>(null);
  const doctor = useAction();
  const base = feedBase(
    location.origin,
    app.Owner,
    app.AppName,
    channel || catalog.channels[0]?.ChannelName || '',
  );
  const chosenPlatform = platform || catalog.platforms[0]?.PlatformName || '';
  const chosenArch = arch || catalog.archs[0]?.ArchID || '';
  const folder = `${base}/${feedSegment(chosenPlatform)}/${feedSegment(chosenArch)}`;
  const select = (label: string, value: string, set: (v: string) => void, options: string[]) =>
    options.length === 0 ? null : (
      <label>
        {label}
        <select value={value} onChange={(e) => set(e.currentTarget.value)}>
          {options.map((o) => (
            <option key={o}>{o}</option>
          ))}
        </select>
      </label>
    );
  return (
    <Section title="Feed URLs">
      {app.Private ? <p>Feeds serve public apps only: this app is private.</p> : null}
      <div class="row">
        {select(
          'Feed channel',
          channel,
          setChannel,
          catalog.channels.map((c) => c.ChannelName),
        )}
        {select(
          'Feed platform',
          platform,
          setPlatform,
          catalog.platforms.map((p) => p.PlatformName),
        )}
        {select(
          'Feed arch',
          arch,
          setArch,
          catalog.archs.map((a) => a.ArchID),
        )}
      </div>
      <table class="feeds">
        <caption class="visually-hidden">Feed URL per updater</caption>
        <tbody>
          {feedUrls(folder, base).map(({ updater, url }) => (
            <tr key={updater}>
              <th scope="row">{updater}</th>
              <td>
                <code data-feed-url>{url}</code>
              </td>
              <td>
                <CopyButton text={url} what={`${updater} URL`} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Feed doctor</h3>
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          void doctor.run(async () => {
            const q = new URLSearchParams();
            for (const name of ['version', 'id']) {
              const value = formText(form, name);
              if (value) q.set(name, value);
            }
            setVerdict(await api.call<api.Explanation>('GET', `${new URL(folder).pathname}/explain?${q}`));
          });
        }}
      >
        <label>
          Client version
          <input name="version" placeholder="1.0.0" />
        </label>
        <label>
          Device id (optional)
          <input name="id" />
        </label>
        <button type="submit" disabled={doctor.busy}>
          Ask the doctor
        </button>
      </form>
      <ErrorText error={doctor.error} />
      {verdict ? (
        <div role="status" class="verdict">
          <p>{verdict.sentence}</p>
          <table>
            <caption class="visually-hidden">What each feed answers</caption>
            <thead>
              <tr>
                <th scope="col">Updater</th>
                <th scope="col">Status</th>
                <th scope="col">Offers</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {verdict.feeds.map((f) => (
                <tr key={f.path}>
                  <td>{f.updater}</td>
                  <td>{f.status}</td>
                  <td>{f.offers ?? '—'}</td>
                  <td>{f.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Section>
  );
}
