// What the token field says about pasted text before anything is sent. Main validates again
// (normalizeToken); this only lets the admin see the problem at the moment of pasting. Notices and
// warnings never quote the text: it is a secret.

export interface PastedToken {
  /** What goes into the field: trimmed, without a leading "Bearer ". */
  value: string;
  /** Changes we made that the admin should know about. */
  notices: string[];
  /** Problems main will refuse (whitespace inside the token). */
  warnings: string[];
}

export function inspectPastedToken(text: string): PastedToken {
  const notices: string[] = [];
  const warnings: string[] = [];
  let value = text.trim();
  if (value !== text) notices.push('Removed spaces or line breaks around the pasted token.');
  const bearer = /^bearer(\s+|$)/i.exec(value);
  if (bearer) {
    value = value.slice(bearer[0].length);
    notices.push('Removed a leading "Bearer " — store only the token itself; the app adds the prefix.');
  }
  if (/\s/.test(value)) {
    warnings.push('The pasted token has whitespace (a space, tab or line break) inside it and will be refused. Copy it again as one unbroken line.');
  }
  if (value === '' && text !== '') warnings.push('The pasted text holds no token.');
  return { value, notices, warnings };
}

/** A short, non-secret description of a stored token: length and last 4 only. */
export function describeToken(token: { hasToken: boolean; length: number | null; last4: string | null; setAt: string | null } | null): string {
  if (token === null) return 'Token state unknown (the OS keychain could not be read).';
  if (!token.hasToken) return 'No token stored.';
  const parts = [`Token stored in the OS keychain`];
  if (token.length !== null) parts.push(`${token.length} characters`);
  if (token.last4 !== null) parts.push(`ends …${token.last4}`);
  if (token.setAt !== null) parts.push(`set ${new Date(token.setAt).toLocaleString()}`);
  return parts.join(' · ');
}
