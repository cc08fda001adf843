// Third-party SCIM servers for the integration suite, started in process on 127.0.0.1 port 0.
// startScimmy: at most one per process (SCIMMY's state is global); keep its tests in their own file.

export { startBetterAuthScim, BETTER_AUTH_QUIRKS, BETTER_AUTH_SCIM_PATH } from './better-auth';
export { startScimmy, SCIMMY_QUIRKS } from './scimmy';
export { seedUser, type PeerHandle } from './types';
