// Group membership as feature entries: "Add to group" / "Remove from group" in a user's detail
// pane and on a selection of users (GroupMembershipEdit), "Remove dangling members" in a group's
// (RemoveDangling) — each one previewed group edit. A selection's ids come from main (SelectionMembership).

import type { ComponentProps } from 'react';
import type { DetailAction, SelectionAction } from '../registry';
import { GroupMembershipEdit, type MembershipMode } from './GroupMembershipEdit';
import { RemoveDangling } from './RemoveDangling';
import { SelectionMembership } from './SelectionMembership';

function detail(mode: MembershipMode) {
  return function UserGroupAction({ resource, ...rest }: ComponentProps<DetailAction['Component']>) {
    return <GroupMembershipEdit {...rest} userIds={[resource.id]} mode={mode} />;
  };
}

function selection(mode: MembershipMode) {
  return function SelectionGroupAction(props: ComponentProps<SelectionAction['Component']>) {
    return <SelectionMembership {...props} mode={mode} />;
  };
}

export const GROUP_DETAIL_ACTIONS: DetailAction[] = [
  { id: 'add-to-group', label: 'Add to group', kinds: ['Users'], needsGroups: true, Component: detail('add') },
  { id: 'remove-from-group', label: 'Remove from group', kinds: ['Users'], needsGroups: true, Component: detail('remove') },
  { id: 'remove-dangling', label: 'Remove dangling members', kinds: ['Groups'], Component: RemoveDangling },
];

export const GROUP_SELECTION_ACTIONS: SelectionAction[] = [
  { id: 'add-to-group', label: 'Add to group', kinds: ['Users'], needsGroups: true, Component: selection('add') },
  { id: 'remove-from-group', label: 'Remove from group', kinds: ['Users'], needsGroups: true, Component: selection('remove') },
];
