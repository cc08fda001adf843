// The explorer bench at 1,000,000 users (issue 15's "explorer at 1M"): run only when named,
// `npm run bench -- explorer-1m`; loading a million sandbox users takes minutes.
import { runWith } from './explorer.bench';

export const run = () => runWith(1_000_000);
