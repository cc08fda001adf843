// "Add to group" / "Remove from group" on a table selection: the group edit is one PATCH that
// names each member, so the selected ids are read from main's resolution of the selection (its
// index, a page at a time) when the action opens — up to MAX_MEMBERS; a bigger selection is
// refused with what to do, and a selection the table changed under since is refused by main.

import { useEffect, useState, type ComponentProps } from 'react';
import { SELECTED_PAGE } from '../../../../shared/channels/table-selection';
import type { AppError } from '../../../../shared/errors';
import type { SelectionAction } from '../registry';
import { GroupMembershipEdit, type MembershipMode } from './GroupMembershipEdit';

/** Members one group edit may add or remove at once (one request body names each of them). */
export const MAX_MEMBERS = 10_000;

export function SelectionMembership({ selection, count, mode, ...rest }: ComponentProps<SelectionAction['Component']> & { mode: MembershipMode }) {
  const { api, profileId } = rest;
  const [ids, setIds] = useState<string[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  useEffect(() => {
    let live = true;
    setIds(null);
    setError(null);
    if (count > MAX_MEMBERS) return;
    void (async () => {
      const out: string[] = [];
      for (let after: number | null = 0; after !== null && live; ) {
        const r = await api.table.selected({ profileId, selection, after, count: SELECTED_PAGE, idsOnly: true, attributes: [] });
        if (!r.ok) return live && setError(r.error);
        out.push(...r.value.rows.map((row) => row.id));
        after = r.value.next;
      }
      // Ids checked by hand that the listing does not hold are passed on: the preview leaves them out.
      for (const o of selection.overrides) if (o.value && !out.includes(o.id) && selection.parts.length === 0) out.push(o.id);
      if (live) setIds(out);
    })();
    return () => {
      live = false;
    };
  }, [api, profileId, selection, count]);
  if (count > MAX_MEMBERS) {
    return (
      <p className="error" role="alert">
        A group edit names each member it adds or removes; {count} users are more than {MAX_MEMBERS} at once. Narrow the selection (a search or a filter) and edit in parts.
      </p>
    );
  }
  if (error) return <p className="error" role="alert">Could not read the selected users: {error.message}</p>;
  if (!ids) return <p role="status">Reading the {count} selected users…</p>;
  return <GroupMembershipEdit {...rest} userIds={ids} mode={mode} />;
}
