// The profiles' public surface: the store, validation, and the profile + vault glue.
export { VENDOR_HINTS, AUTH_SCHEMES, PROFILES_SCHEMA_VERSION, type AuthScheme, type AuthSettings, type ProxySettings, type TlsSettings, type SecretKind, type Profile, type ProfileInput, type ProfilePatch, type VendorHint, type ProfilesDocument } from './types';
export { createProfileStore, type ProfileStore, type ProfileStoreBackend, type ProfileStoreOptions } from './store';
export { userDataDir, APP_DIR_NAME, PROFILES_CONFIG_NAME, PROFILES_FILE_NAME } from './paths';
export { validateBaseUrl, validateHeaders, parseHeaderLine } from './url';
export { validateProfileInput, validateName, validateVendor } from './validate';
export { readProfilesDocument } from './migrate';
export {
  connectionOptionsFor,
  setProfileToken,
  rotateProfileToken,
  clearProfileToken,
  profileTokenMetadata,
  removeProfile,
  tokenMissing,
  updateProfile,
  keychainSources,
  type TokenChange,
  type RemovedProfile,
  type UpdatedProfile,
} from './connection';
export { tokenAccount, readSecret, storeSecret, forgetSecret, hasSecret, secretAccount, secretLabel, secretTarget, headerSecret, normalizeSecret, secretMissing } from './secrets';
export { validateAuth, validateProxy, validateProxyUrl, validateSecretHeaders, validateTls, validateSecretUrl, isSecretKind } from './connection-settings';
export { testConnection, discoveryTokenTest, capabilityTable, type TestConnectionResult, type TestConnectionDeps, type TestConnectionOptions, type CapabilityRow } from './test-connection';
