// Typed confirmation for bulk writes: the admin types the number of users the action will touch,
// so a plan of 3,000 cannot be confirmed by a reflex click. The core checks the same count again.

import { useId, useState } from 'react';

export function TypedConfirm({ count, verb, busy = false, onConfirm }: { count: number; verb: string; busy?: boolean; onConfirm: (count: number) => void }) {
  const [typed, setTyped] = useState('');
  const id = useId();
  const matches = typed.trim() === String(count);
  return (
    <form
      className="typed-confirm"
      onSubmit={(e) => {
        e.preventDefault();
        if (matches && !busy) onConfirm(count);
      }}
    >
      <label htmlFor={id}>
        Type <strong>{count}</strong> to {verb} {count} user{count === 1 ? '' : 's'}
      </label>
      <input id={id} inputMode="numeric" autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} aria-invalid={typed !== '' && !matches} />
      <button type="submit" className="danger" disabled={!matches || busy}>
        {verb[0]?.toUpperCase()}
        {verb.slice(1)} {count} user{count === 1 ? '' : 's'}
      </button>
    </form>
  );
}
