// The vault's public surface: the interface, the keychain implementation, token rules, rotation.
export { VAULT_SERVICE, assertProfileId, type Vault } from './vault';
export { createKeytarVault, type KeytarVaultOptions } from './keytar-vault';
export { createMemoryVault } from './memory-vault';
export { normalizeToken, tokenMetadata, MAX_TOKEN_BYTES, MIN_LENGTH_FOR_LAST4, type TokenMetadata, type NormalizedToken } from './token';
export { rotateToken, type TokenTest, type RotationResult } from './rotate';
