// The spellings of a secret a leak test looks for in what the product put out: the secret, each
// half of it (a cut line or a truncated body), JSON-escaped the way PHP and .NET write it,
// URL-encoded, and base64 on its own or as a Bearer/Basic credential.

export function leakedForms(secret: string): Record<string, string> {
  const half = Math.ceil(secret.length / 2);
  return {
    raw: secret,
    'first half': secret.slice(0, half),
    'second half': secret.slice(-half),
    'JSON-escaped': JSON.stringify(secret).slice(1, -1).replace(/\//g, '\\/').replace(/\+/g, '\\u002B'),
    'URL-encoded': encodeURIComponent(secret),
    base64: Buffer.from(secret).toString('base64').replace(/=+$/, ''),
    'base64 of the Bearer header': Buffer.from(`Bearer ${secret}`).toString('base64').replace(/=+$/, ''),
  };
}
