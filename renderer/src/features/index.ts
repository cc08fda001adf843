// The features plugged into the frame (see registry.ts). One entry per feature view or action.

import type { DetailAction, FeatureView, SelectionAction } from './registry';
import './edit/feature-styles.css';
import { EditPanel } from './edit/EditPanel';
import { JournalView } from './edit/JournalView';
import { DeactivatePage } from './deactivate/DeactivatePage';
import { DeactivateSelection } from './deactivate/DeactivateSelection';
import { AuditPage } from './audit/AuditPage';
import { GROUP_DETAIL_ACTIONS, GROUP_SELECTION_ACTIONS } from './groups';
import { CreatePage } from './create/CreatePage';
import { DeleteGroup } from './create/DeleteGroup';

export const FEATURE_VIEWS: FeatureView[] = [
  { id: 'audit', label: 'Audit', Component: AuditPage },
  { id: 'deactivate', label: 'Deactivate', Component: DeactivatePage },
  { id: 'create', label: 'Create', Component: CreatePage },
  { id: 'journal', label: 'Journal', Component: JournalView },
];
export const DETAIL_ACTIONS: DetailAction[] = [{ id: 'edit', label: 'Edit', kinds: ['Users', 'Groups'], Component: EditPanel }, ...GROUP_DETAIL_ACTIONS, { id: 'delete-group', label: 'Delete group', kinds: ['Groups'], Component: DeleteGroup }];
export const SELECTION_ACTIONS: SelectionAction[] = [{ id: 'deactivate', label: 'Deactivate', kinds: ['Users'], Component: DeactivateSelection }, ...GROUP_SELECTION_ACTIONS];
