// Secrets of a connection and their redaction (see secret-set.ts for where it applies and where not).
export { REDACTED, SecretSet, RedactorGroup, redactorFor, type Redactor } from './secret-set';
export { plainForms, MIN_SECRET_LENGTH } from './forms';
