// The left column's navigation for the open profile: the explorer's own pages, then the feature
// pages from FEATURE_VIEWS (audit, journal, deactivation).

import type { FeatureView } from '../features/registry';
import { useScope, useUi } from '../store/context';
import { useLimits } from '../store/limits';
import type { ViewId } from '../store/ui';

const OWN: { id: ViewId; label: string }[] = [
  { id: 'Users', label: 'Users' },
  { id: 'Groups', label: 'Groups' },
  { id: 'Capabilities', label: 'Capabilities' },
  { id: 'RequestLog', label: 'Request log' },
];

function HistoryButtons() {
  const { ui } = useScope();
  const canBack = useUi((s) => s.at > 0);
  const canForward = useUi((s) => s.at < s.history.length - 1);
  return (
    <div className="history-buttons" role="group" aria-label="History">
      <button type="button" disabled={!canBack} onClick={() => ui.getState().back()} aria-label="Back (Alt+Left)" title="Back (Alt+←)">
        ←
      </button>
      <button type="button" disabled={!canForward} onClick={() => ui.getState().forward()} aria-label="Forward (Alt+Right)" title="Forward (Alt+→)">
        →
      </button>
    </div>
  );
}

export function Nav({ features }: { features: readonly FeatureView[] }) {
  const { api, profileId, ui } = useScope();
  const view = useUi((s) => s.view);
  const limits = useLimits(api, profileId);
  const items = [...OWN, ...features.map((f) => ({ id: `feature:${f.id}` as ViewId, label: f.label }))];
  return (
    <nav aria-label="Explorer">
      <HistoryButtons />
      <ul>
        {items.map((item) =>
          // No Groups page where the tenant has no groups: the reason instead.
          item.id === 'Groups' && limits && !limits.groups.available ? (
            <li key={item.id} className="nav-missing" data-testid="no-groups">
              No groups: {limits.groups.reason}
            </li>
          ) : (
          <li key={item.id}>
            <button type="button" className="nav-item" aria-current={view === item.id ? 'page' : undefined} onClick={() => ui.getState().setView(item.id)}>
              {item.label}
            </button>
          </li>
          ),
        )}
      </ul>
    </nav>
  );
}
