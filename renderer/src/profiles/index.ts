// The profiles UI: the explorer frame renders ProfilesPanel in its left column.
export { ProfilesPanel, type ProfilesPanelProps } from './ProfilesPanel';
export { StatusChip, statusLabel } from './StatusChip';
export { TokenField, type TokenFieldProps } from './TokenField';
export { inspectPastedToken, describeToken, type PastedToken } from './token-input';
