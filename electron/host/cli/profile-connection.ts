// --profile NAME: the saved profile (URL, headers, read-only flag) plus a token read from the OS
// keychain at the moment each request is built. Wired to the profiles/vault core when it lands.

import { InspectorError } from '../../../shared/errors';
import type { ConnectionOptions } from '../../core/scim/types';

export interface ProfileConnection {
  options: ConnectionOptions;
}

export async function resolveProfile(name: string): Promise<ProfileConnection> {
  if (name.trim() === '') throw new InspectorError('usage', '--profile needs the name of a saved profile (see `scim-inspector profiles list`).');
  throw new InspectorError('internal', `Saved profiles are not available in this build yet; use --url URL --token-env VAR for now (profile "${name}").`, { profile: name });
}
