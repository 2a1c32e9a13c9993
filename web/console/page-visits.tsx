import { useEffect, useState } from 'preact/hooks';
import * as api from './api';
import { BarChart, ColumnChart, lastDays } from './charts';
import { ErrorText, Section, useAction } from './ui';

const PERIODS = [7, 30, 90] as const;

/** Per-day counts of one kind, as lastDays takes them. */
function perDay(report: api.PageEventReport, kind: 'visits' | 'downloads'): Record<string, number> {
  return Object.fromEntries(report.days.map((d) => [d.day, d[kind]]));
}

/** The app's public download page: visits and download clicks per UTC day, and the visitors' platforms. */
export function PageVisitsSection({ app }: { app: api.App }) {
  const [days, setDays] = useState<number>(30);
  const [report, setReport] = useState<api.PageEventReport | null>(null);
  const load = useAction();
  useEffect(() => {
    let current = true;
    void load.run(async () => {
      const q = new URLSearchParams({ app: app.AppName, days: String(days) });
      const next = await api.call<api.PageEventReport>('GET', `/console/page-events?${q}`);
      if (current) setReport(next);
    });
    return () => {
      current = false;
    };
  }, [app.AppName, days]);
  return (
    <Section title="Download page">
      <div class="row">
        <label>
          Period
          <select value={days} onChange={(e) => setDays(Number(e.currentTarget.value))}>
            {PERIODS.map((n) => (
              <option key={n} value={n}>
                Last {n} days
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorText error={load.error} />
      {report ? (
        <div aria-busy={load.busy}>
          <dl class="figures spaced">
            <div>
              <dt>Visits</dt>
              <dd data-testid="page-visits">{report.totals.visits}</dd>
            </div>
            <div>
              <dt>Download clicks</dt>
              <dd data-testid="page-downloads">{report.totals.downloads}</dd>
            </div>
          </dl>
          <div class="charts">
            <ColumnChart title="Visits per day" points={lastDays(perDay(report, 'visits'), days)} />
            <ColumnChart
              title="Download clicks per day"
              points={lastDays(perDay(report, 'downloads'), days)}
            />
            <BarChart
              title="Visitors' platforms"
              unit="platform"
              points={report.platforms
                .filter((p) => p.visits > 0)
                .map((p) => ({ label: p.platform || 'unknown', value: p.visits }))}
              empty="No visits recorded."
            />
          </div>
        </div>
      ) : null}
    </Section>
  );
}
