import { useId } from 'react';

export interface TrendPoint {
  /** Position along the time axis, in days from the chart's start (0 … span). */
  x: number;
  y: number;
}

interface TrendChartProps {
  points: TrendPoint[];
  /** Days the chart spans: its x axis runs from 0 to this. */
  span: number;
  yMin: number;
  yMax: number;
  /** Labels at whole y values, e.g. { 1: 'Very low', 5: 'Very good' }. */
  yLabels: Record<number, string>;
  /** The dates under the two ends of the x axis. */
  startLabel: string;
  endLabel: string;
  /** Said by screen readers; the table next to the chart holds every value. */
  title: string;
  description: string;
  /** Horizontal bands drawn faintly behind the line, e.g. PHQ-9 severity edges. */
  guides?: number[];
}

const W = 640;
const H = 240;
const PAD = { left: 96, right: 16, top: 12, bottom: 28 };

/**
 * A small line chart as inline SVG: nothing from a CDN, nothing to bundle. It is a picture for
 * those who can see it (role="img" with a title and a description); the table beside it is the
 * accessible way to read the values.
 */
export function TrendChart({ points, span, yMin, yMax, yLabels, startLabel, endLabel, title, description, guides = [] }: TrendChartProps) {
  const id = useId();
  const px = (x: number) => PAD.left + (span <= 0 ? 0 : (x / span) * (W - PAD.left - PAD.right));
  const py = (y: number) => PAD.top + (1 - (y - yMin) / (yMax - yMin)) * (H - PAD.top - PAD.bottom);
  const sorted = [...points].sort((a, b) => a.x - b.x);
  const path = sorted.map((p, i) => `${i === 0 ? 'M' : 'L'}${px(p.x).toFixed(1)},${py(p.y).toFixed(1)}`).join(' ');
  return (
    <svg className="trend-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`} preserveAspectRatio="xMidYMid meet">
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{description}</desc>
      {guides.map((g) => (
        <line key={`g${g}`} className="trend-guide" x1={PAD.left} x2={W - PAD.right} y1={py(g)} y2={py(g)} />
      ))}
      {Object.entries(yLabels).map(([value, label]) => (
        <g key={value}>
          <line className="trend-grid" x1={PAD.left} x2={W - PAD.right} y1={py(Number(value))} y2={py(Number(value))} />
          <text className="trend-label" x={PAD.left - 8} y={py(Number(value))} textAnchor="end" dominantBaseline="middle">
            {label}
          </text>
        </g>
      ))}
      <text className="trend-label" x={PAD.left} y={H - 6} textAnchor="start">
        {startLabel}
      </text>
      <text className="trend-label" x={W - PAD.right} y={H - 6} textAnchor="end">
        {endLabel}
      </text>
      {sorted.length > 1 && <path className="trend-line" d={path} />}
      {sorted.map((p, i) => (
        <circle key={i} className="trend-point" cx={px(p.x)} cy={py(p.y)} r={5} />
      ))}
    </svg>
  );
}
