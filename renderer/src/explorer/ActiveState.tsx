// A user's active state as a word and a colour together ("Active" in the ok colour, "Inactive" in
// the danger colour, each with its own mark), never colour alone: the grid's Active column, the
// detail pane and the audit's inactive-user findings all show it this way.

/** The grid cell's text for `active` ('yes' / 'no' / '' as main's index and the CSV export have it). */
export function activeOfCell(text: string): boolean | null {
  return text === 'yes' ? true : text === 'no' ? false : null;
}

export function ActiveState({ active }: { active: boolean }) {
  return (
    <span className={`state ${active ? 'state-active' : 'state-inactive'}`} data-active={active}>
      <span aria-hidden="true">{active ? '●' : '○'}</span> {active ? 'Active' : 'Inactive'}
    </span>
  );
}

/** A grid cell: the active column as ActiveState, any other text as it is. */
export function ActiveCell({ text }: { text: string }) {
  const active = activeOfCell(text);
  return active === null ? <>{text}</> : <ActiveState active={active} />;
}
