// Charts drawn as plain SVG: a chart library would cost bundle budget and a dependency for two shapes. Each chart
// is one image to assistive technology (its name says what it shows and its largest figures) and carries its
// numbers in a visually hidden table, so nothing drawn is out of reach of a screen reader.

import type { ComponentChildren } from 'preact';

export interface Point {
  label: string;
  value: number;
}

/** What a chart's accessible name says after its title: every point while few, else the total and the largest. */
function spoken(points: Point[]): string {
  if (points.length === 0) return 'no data';
  if (points.length <= 8) return points.map((p) => `${p.label} ${p.value}`).join(', ');
  const top = points.reduce((a, b) => (b.value > a.value ? b : a));
  const total = points.reduce((sum, p) => sum + p.value, 0);
  return `${total} in all over ${points.length} entries, most ${top.value} (${top.label})`;
}

function Figures({ title, unit, points }: { title: string; unit: string; points: Point[] }) {
  return (
    <table class="visually-hidden">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{unit}</th>
          <th scope="col">count</th>
        </tr>
      </thead>
      <tbody>
        {points.map((p) => (
          <tr key={p.label}>
            <th scope="row">{p.label}</th>
            <td>{p.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What a chart with no points says instead; the telemetry screen's charts count update checks. */
const NO_CHECKS = 'No checks recorded.';

function Chart({
  title,
  unit,
  points,
  empty,
  children,
}: {
  title: string;
  unit: string;
  points: Point[];
  empty: string;
  children: ComponentChildren;
}) {
  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      {points.length === 0 ? <p class="muted">{empty}</p> : children}
      <Figures title={title} unit={unit} points={points} />
    </figure>
  );
}

const WIDTH = 600;
const HEIGHT = 180;

/** One column per day (oldest first), the tallest scaled to the chart's height. */
export function ColumnChart({ title, points }: { title: string; points: Point[] }) {
  const max = Math.max(1, ...points.map((p) => p.value));
  const slot = WIDTH / Math.max(1, points.length);
  const bar = Math.max(2, slot * 0.7);
  const first = points[0]?.label ?? '';
  const last = points[points.length - 1]?.label ?? '';
  return (
    <Chart title={title} unit="day" points={points} empty={NO_CHECKS}>
      <svg
        role="img"
        aria-label={`${title}: ${spoken(points)}`}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        class="columns"
      >
        <line class="axis" x1={0} y1={HEIGHT - 1} x2={WIDTH} y2={HEIGHT - 1} />
        {points.map((p, i) => {
          const h = (p.value / max) * (HEIGHT - 6);
          return (
            <rect
              key={p.label}
              class="bar"
              data-value={p.value}
              x={i * slot + (slot - bar) / 2}
              y={HEIGHT - 2 - h}
              width={bar}
              height={h}
            >
              <title>{`${p.label}: ${p.value}`}</title>
            </rect>
          );
        })}
      </svg>
      <p class="chart-scale muted" aria-hidden="true">
        <span>{first}</span>
        <span>most {max}</span>
        <span>{points.length > 1 ? last : ''}</span>
      </p>
    </Chart>
  );
}

// Bars are drawn about as wide as they show (a third of the page, or a phone), so their text stays legible.
const BARS_WIDTH = 340;
const ROW = 24;
const LABEL = 100;

/** One horizontal bar per value, largest first, with its label and count written beside it. */
export function BarChart({
  title,
  unit,
  points,
  empty = NO_CHECKS,
}: {
  title: string;
  unit: string;
  points: Point[];
  empty?: string;
}) {
  const sorted = [...points].sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
  const max = Math.max(1, ...sorted.map((p) => p.value));
  const room = BARS_WIDTH - LABEL - 40;
  return (
    <Chart title={title} unit={unit} points={sorted} empty={empty}>
      <svg
        role="img"
        aria-label={`${title}: ${spoken(sorted)}`}
        viewBox={`0 0 ${BARS_WIDTH} ${sorted.length * ROW}`}
        class="bars"
      >
        {sorted.map((p, i) => {
          const y = i * ROW;
          const w = Math.max(2, (p.value / max) * room);
          return (
            <g key={p.label}>
              <text x={LABEL - 8} y={y + ROW / 2} text-anchor="end" dominant-baseline="middle">
                {p.label.length > 14 ? `${p.label.slice(0, 13)}…` : p.label}
              </text>
              <rect class="bar" data-value={p.value} x={LABEL} y={y + 4} width={w} height={ROW - 8}>
                <title>{`${p.label}: ${p.value}`}</title>
              </rect>
              <text x={LABEL + w + 6} y={y + ROW / 2} dominant-baseline="middle">
                {p.value}
              </text>
            </g>
          );
        })}
      </svg>
    </Chart>
  );
}

/** The last `days` UTC days up to today, oldest first, each with its count (0 for a day not in `counts`). */
export function lastDays(counts: Record<string, number>, days: number): Point[] {
  const today = Date.parse(new Date().toISOString().slice(0, 10));
  return Array.from({ length: days }, (_, i) => {
    const label = new Date(today - (days - 1 - i) * 86_400_000).toISOString().slice(0, 10);
    return { label, value: counts[label] ?? 0 };
  });
}
