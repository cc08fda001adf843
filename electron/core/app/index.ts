// The application service layer behind the channel map (plain Node; hosts import from here).
export { createAppContext, type AppContext, type AppContextOptions, type SaveFileRequest } from './context';
export { coreFunctions, type CoreFunctions } from './functions';
export { dispatch, type ErrorReporter } from './dispatch';
export { Sessions, SANDBOX_PROFILE_ID, type Emit, type Session } from './sessions';
export { savedProfiles, type SavedProfiles } from './saved-profiles';
