// Dates as the admin reads them: local time on screen, the exact UTC value on hover and in the
// dateTime attribute. Only what is shown changes; exports and the stored values stay ISO 8601 UTC.

const pad = (n: number): string => String(n).padStart(2, '0');

function parse(iso: string): Date | null {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "2026-12-03 14:05:09" in the machine's time zone (minutes only with seconds: false). */
export function localDateTime(iso: string, seconds = true): string {
  const d = parse(iso);
  if (!d) return iso; // not a date the server should have sent: show it as it came, never hide it
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}${seconds ? `:${pad(d.getSeconds())}` : ''}`;
  return `${date} ${time}`;
}

/** "2026-12-03 13:05:09 UTC": the hover text. */
export function utcDateTime(iso: string): string {
  const d = parse(iso);
  return d ? `${d.toISOString().replace('T', ' ').slice(0, 19)} UTC` : iso;
}

/** A <time> showing local time, with the UTC value as its title and machine-readable dateTime. */
export function DateTime({ iso, seconds = true }: { iso: string; seconds?: boolean }) {
  const d = parse(iso);
  if (!d) return <>{iso}</>;
  return (
    <time dateTime={d.toISOString()} title={utcDateTime(iso)}>
      {localDateTime(iso, seconds)}
    </time>
  );
}

/** Whether a value is an ISO 8601 date-time (meta.created, lastModified…), so views can format it. */
export function isIsoDateTime(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) && parse(value) !== null;
}
