// The profiles' public surface: the store, validation, and the profile + vault glue.
export { VENDOR_HINTS, PROFILES_SCHEMA_VERSION, type Profile, type ProfileInput, type ProfilePatch, type VendorHint, type ProfilesDocument } from './types';
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
  type TokenChange,
  type RemovedProfile,
} from './connection';
export { testConnection, discoveryTokenTest, capabilityTable, type TestConnectionResult, type TestConnectionDeps, type TestConnectionOptions, type CapabilityRow } from './test-connection';
