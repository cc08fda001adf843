// Test-connection results and the last notices, kept outside the panel's component state: the
// frame may remount the panel (it lives in a per-profile frame that reloads when a token changes),
// and the admin must still see the capability table they just asked for.

import { create } from 'zustand';
import type { ConnectionTestResult } from '../../../shared/channels/profiles';

interface PanelMemory {
  tests: Record<string, ConnectionTestResult>;
  notices: string[];
  setTest(result: ConnectionTestResult): void;
  setNotices(notices: string[]): void;
}

export const usePanelMemory = create<PanelMemory>()((set) => ({
  tests: {},
  notices: [],
  setTest: (result) => set((s) => ({ tests: { ...s.tests, [result.profileId]: result } })),
  setNotices: (notices) => set({ notices }),
}));
