// The audit report's charts as inline SVG: plain shapes and text, no script, no remote font or
// image, so the file prints and opens anywhere as it was written. Every label goes through `esc`.

export type Esc = (text: string) => string;

export interface Bar {
  label: string;
  value: number;
  /** A CSS colour from the report's palette. */
  colour?: string;
}

const NUMBER = new Intl.NumberFormat('en-US');

/** Horizontal bars, one per entry, with the value at the end of each; role=img with a summary. */
export function barChart(title: string, bars: readonly Bar[], esc: Esc): string {
  const labelWidth = 190;
  const barWidth = 320;
  const row = 22;
  const height = Math.max(1, bars.length) * row + 8;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const summary = `${title}: ${bars.map((b) => `${b.label} ${b.value}`).join(', ') || 'none'}`;
  const rows = bars.map((b, i) => {
    const y = 4 + i * row;
    const w = b.value === 0 ? 0 : Math.max(2, Math.round((b.value / max) * barWidth));
    return [
      `<text x="${labelWidth - 6}" y="${y + 14}" text-anchor="end">${esc(b.label)}</text>`,
      `<rect x="${labelWidth}" y="${y + 3}" width="${w}" height="${row - 8}" fill="${b.colour ?? '#3b6ea5'}"/>`,
      `<text x="${labelWidth + w + 6}" y="${y + 14}">${NUMBER.format(b.value)}</text>`,
    ].join('');
  });
  return `<figure><figcaption>${esc(title)}</figcaption><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${esc(summary)}" width="${labelWidth + barWidth + 80}" height="${height}" viewBox="0 0 ${labelWidth + barWidth + 80} ${height}" font-family="sans-serif" font-size="12"><title>${esc(summary)}</title>${rows.join('')}</svg></figure>`;
}

/** One bar split into parts (active / inactive), with a legend under it. */
export function splitBar(title: string, parts: readonly Bar[], esc: Esc): string {
  const width = 520;
  const total = parts.reduce((n, p) => n + p.value, 0);
  const summary = `${title}: ${parts.map((p) => `${p.label} ${p.value}`).join(', ')}`;
  let x = 0;
  const rects = parts.map((p) => {
    const w = total === 0 ? 0 : Math.round((p.value / total) * width);
    const rect = `<rect x="${x}" y="0" width="${w}" height="22" fill="${p.colour ?? '#3b6ea5'}"/>`;
    x += w;
    return rect;
  });
  const legend = parts.map((p, i) => `<rect x="${i * 170}" y="30" width="12" height="12" fill="${p.colour ?? '#3b6ea5'}"/><text x="${i * 170 + 18}" y="41">${esc(p.label)}: ${NUMBER.format(p.value)}${total > 0 ? ` (${Math.round((p.value / total) * 100)}%)` : ''}</text>`);
  return `<figure><figcaption>${esc(title)}</figcaption><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${esc(summary)}" width="${width}" height="48" viewBox="0 0 ${width} 48" font-family="sans-serif" font-size="12"><title>${esc(summary)}</title><rect x="0" y="0" width="${width}" height="22" fill="#e5e7eb"/>${rects.join('')}${legend.join('')}</svg></figure>`;
}
