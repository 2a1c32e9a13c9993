import { useEffect, useState } from 'preact/hooks';
import * as api from './api';
import { BarChart, ColumnChart } from './charts';
import { ErrorText, Section, useAction } from './ui';

type Period = 'day' | 'week' | 'month';

interface Choices {
  apps: string[];
  channels: string[];
  platforms: string[];
  archs: string[];
}

const today = () => new Date().toISOString().slice(0, 10);

function Filter({
  label,
  all,
  value,
  options,
  onChange,
}: {
  label: string;
  all: string;
  value: string;
  options: string[];
  onChange: (value: string) => void;
}) {
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o}>{o}</option>
        ))}
      </select>
    </label>
  );
}

/** The update checks the tenant's apps made, as FaynoSync's telemetry report counts them, drawn as charts. */
export function TelemetryScreen() {
  const [choices, setChoices] = useState<Choices>({ apps: [], channels: [], platforms: [], archs: [] });
  const [period, setPeriod] = useState<Period>('week');
  const [date, setDate] = useState(today());
  const [filters, setFilters] = useState({ apps: '', channels: '', platforms: '', architectures: '' });
  const [report, setReport] = useState<api.Telemetry | null>(null);
  const load = useAction();
  useEffect(() => {
    void load.run(async () => {
      const [apps, channels, platforms, archs] = await Promise.all([
        api.apps(),
        api.channels(),
        api.platforms(),
        api.archs(),
      ]);
      setChoices({
        apps: apps.map((a) => a.AppName),
        channels: channels.map((c) => c.ChannelName),
        platforms: platforms.map((p) => p.PlatformName),
        archs: archs.map((a) => a.ArchID),
      });
    });
  }, []);
  useEffect(() => {
    // A slower answer to an earlier choice must not replace the one asked for last.
    let current = true;
    void load.run(async () => {
      const next = await api.telemetry(
        period === 'day' ? { date, ...filters } : { range: period, ...filters },
      );
      if (current) setReport(next);
    });
    return () => {
      current = false;
    };
  }, [period, date, filters]);
  const filter = (key: keyof typeof filters) => (value: string) => setFilters({ ...filters, [key]: value });
  const summary = report?.summary;
  return (
    <>
      <h1>Telemetry</h1>
      <p class="muted">
        Update checks that send <code>X-Device-ID</code>, counted per device and UTC day.
      </p>
      <Section title="Period and filters">
        <div class="row">
          <label>
            Period
            <select value={period} onChange={(e) => setPeriod(e.currentTarget.value as Period)}>
              <option value="day">One day</option>
              <option value="week">Today and the 7 days before</option>
              <option value="month">Today and the 30 days before</option>
            </select>
          </label>
          {period === 'day' ? (
            <label>
              Day
              <input
                type="date"
                value={date}
                max={today()}
                onChange={(e) => e.currentTarget.value && setDate(e.currentTarget.value)}
              />
            </label>
          ) : null}
          <Filter
            label="App"
            all="All apps"
            value={filters.apps}
            options={choices.apps}
            onChange={filter('apps')}
          />
          <Filter
            label="Channel"
            all="All channels"
            value={filters.channels}
            options={choices.channels}
            onChange={filter('channels')}
          />
          <Filter
            label="Platform"
            all="All platforms"
            value={filters.platforms}
            options={choices.platforms}
            onChange={filter('platforms')}
          />
          <Filter
            label="Arch"
            all="All archs"
            value={filters.architectures}
            options={choices.archs}
            onChange={filter('architectures')}
          />
        </div>
        <ErrorText error={load.error} />
      </Section>
      {report && summary ? (
        <div aria-busy={load.busy}>
          <Section title="Summary">
            <dl class="figures">
              <div>
                <dt>Checks</dt>
                <dd>{summary.total_requests}</dd>
              </div>
              <div>
                <dt>Unique devices</dt>
                <dd>{summary.unique_clients}</dd>
              </div>
              <div>
                <dt>On the latest release</dt>
                <dd>{summary.clients_using_latest_version}</dd>
              </div>
              <div>
                <dt>Outdated</dt>
                <dd>{summary.clients_outdated}</dd>
              </div>
              <div>
                <dt>Active apps</dt>
                <dd>{summary.total_active_apps}</dd>
              </div>
            </dl>
          </Section>
          <Section title="Per day">
            <div class="charts">
              <ColumnChart
                title="Daily checks"
                points={report.daily_stats.map((d) => ({ label: d.date, value: d.total_requests }))}
              />
              <ColumnChart
                title="Unique devices per day"
                points={report.daily_stats.map((d) => ({ label: d.date, value: d.unique_clients }))}
              />
              <ColumnChart
                title="Devices on the latest release per day"
                points={report.daily_stats.map((d) => ({
                  label: d.date,
                  value: d.clients_using_latest_version,
                }))}
              />
            </div>
          </Section>
          <Section title="Devices">
            <div class="charts">
              <BarChart
                title="Adoption of the latest release"
                unit="devices"
                points={
                  summary.unique_clients === 0
                    ? []
                    : [
                        { label: 'on the latest', value: summary.clients_using_latest_version },
                        { label: 'outdated', value: summary.clients_outdated },
                      ]
                }
              />
              <BarChart
                title="Versions in use"
                unit="version"
                points={report.versions.usage.map((u) => ({ label: u.version, value: u.client_count }))}
              />
              <BarChart
                title="Platforms"
                unit="platform"
                points={report.platforms.map((u) => ({ label: u.platform, value: u.client_count }))}
              />
              <BarChart
                title="Archs"
                unit="arch"
                points={report.architectures.map((u) => ({ label: u.arch, value: u.client_count }))}
              />
              <BarChart
                title="Channels"
                unit="channel"
                points={report.channels.map((u) => ({ label: u.channel, value: u.client_count }))}
              />
            </div>
          </Section>
        </div>
      ) : null}
    </>
  );
}
