// Plain SVG bar charts (no chart library): few bars, labelled, with the numbers written out so the
// picture never hides the count. Colours follow the theme through CSS classes.

export interface Bar {
  label: string;
  value: number;
  tone?: 'good' | 'bad' | 'neutral';
}

/** Horizontal bars: one row per label, value at the end. */
export function BarChart({ title, bars, onSelect }: { title: string; bars: Bar[]; onSelect?: (label: string) => void }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const row = 22;
  const labelWidth = 170;
  const width = 520;
  const barSpace = width - labelWidth - 60;
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg role="img" aria-label={`${title}: ${bars.map((b) => `${b.label} ${b.value}`).join(', ')}`} viewBox={`0 0 ${width} ${bars.length * row + 4}`} width="100%" preserveAspectRatio="xMinYMin meet">
        {bars.map((b, i) => {
          const w = Math.max(b.value > 0 ? 2 : 0, (b.value / max) * barSpace);
          const y = i * row + 2;
          return (
            <g key={b.label} className={onSelect ? 'clickable' : undefined} onClick={onSelect ? () => onSelect(b.label) : undefined}>
              <text x={labelWidth - 6} y={y + 14} textAnchor="end" className="chart-label">
                {b.label}
              </text>
              <rect x={labelWidth} y={y + 3} width={w} height={row - 8} className={`bar ${b.tone ?? 'neutral'}`} />
              <text x={labelWidth + w + 6} y={y + 14} className="chart-value">
                {b.value}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/** One stacked bar for parts of a whole (active vs inactive). */
export function SplitBar({ title, parts }: { title: string; parts: Bar[] }) {
  const total = Math.max(1, parts.reduce((n, p) => n + p.value, 0));
  let x = 0;
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg role="img" aria-label={`${title}: ${parts.map((p) => `${p.label} ${p.value}`).join(', ')}`} viewBox="0 0 520 40" width="100%" preserveAspectRatio="xMinYMin meet">
        {parts.map((p) => {
          const w = (p.value / total) * 520;
          const rect = <rect key={p.label} x={x} y={0} width={w} height={18} className={`bar ${p.tone ?? 'neutral'}`} />;
          x += w;
          return rect;
        })}
        <text x={0} y={34} className="chart-label">
          {parts.map((p) => `${p.label}: ${p.value} (${Math.round((p.value / total) * 100)}%)`).join('   ')}
        </text>
      </svg>
    </figure>
  );
}
