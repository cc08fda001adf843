// The left column's navigation for the open profile: the explorer's own pages, then the feature
// pages from FEATURE_VIEWS (audit, journal, deactivation).

import type { FeatureView } from '../features/registry';
import { useScope, useUi } from '../store/context';
import type { ViewId } from '../store/ui';

const OWN: { id: ViewId; label: string }[] = [
  { id: 'Users', label: 'Users' },
  { id: 'Groups', label: 'Groups' },
  { id: 'Capabilities', label: 'Capabilities' },
  { id: 'RequestLog', label: 'Request log' },
];

export function Nav({ features }: { features: readonly FeatureView[] }) {
  const { ui } = useScope();
  const view = useUi((s) => s.view);
  const items = [...OWN, ...features.map((f) => ({ id: `feature:${f.id}` as ViewId, label: f.label }))];
  return (
    <nav aria-label="Explorer">
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            <button type="button" className="nav-item" aria-current={view === item.id ? 'page' : undefined} onClick={() => ui.getState().setView(item.id)}>
              {item.label}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
