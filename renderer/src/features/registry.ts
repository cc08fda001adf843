// Where feature views plug into the app frame, so the explorer (frame, tables, detail pane) and
// the write/audit features can be built side by side: the frame renders FEATURE_VIEWS in the left
// navigation, DETAIL_ACTIONS in the resource detail pane and SELECTION_ACTIONS above the users
// table. A feature adds itself with one entry in features/index.ts.

import type { ComponentType } from 'react';
import type { InspectorApi } from '../../../shared/channels';
import type { ResourceKind, ScimResource } from '../../../shared/scim';
import type { TableSelection } from '../../../shared/selection';

export interface FeatureContext {
  api: InspectorApi;
  profileId: string;
  /** The profile refuses writes (the core refuses too; the UI just says so up front). */
  readOnly: boolean;
  /**
   * Opens a user or group in the explorer's detail pane beside the page (click-through from
   * audits, journals), optionally with one of its DETAIL_ACTIONS open.
   */
  openResource(kind: ResourceKind, id: string, action?: string): void;
  /** Goes to another feature page (its state is kept in the page store). */
  goTo?(featureId: string): void;
}

/** A page in the left navigation (Audit, Journal, Deactivation runs...). */
export interface FeatureView {
  id: string;
  label: string;
  Component: ComponentType<FeatureContext>;
}

/** A button + panel in the detail pane of one user or group (Edit, Deactivate...). */
export interface DetailAction {
  id: string;
  label: string;
  kinds: readonly ResourceKind[];
  /** Offered only on a tenant that has groups. */
  needsGroups?: boolean;
  /** resource: as the store holds it now (a verified write to it arrives as a new value). */
  Component: ComponentType<FeatureContext & { kind: ResourceKind; resource: ScimResource; onClose(): void }>;
}

/** An action on the rows selected in a table (bulk deactivation, group membership...). */
export interface SelectionAction {
  id: string;
  label: string;
  kinds: readonly ResourceKind[];
  /** Offered only on a tenant that has groups. */
  needsGroups?: boolean;
  /**
   * selection: a description main resolves from its index (shared/selection.ts), passed to main
   * as it is; count: main's count of it when the action opened.
   */
  Component: ComponentType<FeatureContext & { kind: ResourceKind; selection: TableSelection; count: number; onClose(): void }>;
}
