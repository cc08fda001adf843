// The features plugged into the frame (see registry.ts). One entry per feature view or action.

import type { DetailAction, FeatureView, SelectionAction } from './registry';

export const FEATURE_VIEWS: FeatureView[] = [];
export const DETAIL_ACTIONS: DetailAction[] = [];
export const SELECTION_ACTIONS: SelectionAction[] = [];
