// A filter the server rejects (400) or cannot be trusted with (the probe or this session saw it
// under-match, ignore or reject that form) is applied locally over a complete listing, with a
// warning that says why — the listing's own verification then decides `complete`. With
// serverFilterOnly the server's answer stands alone (a rejection stays an error), as before.

import { InspectorError } from '../../../shared/errors';
import { FILTER_FORMS, untrusted } from '../../../shared/observed';
import type { ListOutcome, ResourceKind, ScimResource } from '../../../shared/scim';
import { parseFilter } from './filter';
import { formsInFilter, otherComparisons, type FormTrust } from './filter-trust';

export interface TrustedFilterListing<T extends ScimResource> {
  kind: ResourceKind;
  filter: string;
  trust: FormTrust;
  serverFilterOnly: boolean;
  /** Lists with the filter sent to the server (false) or applied locally only (true). */
  run(locally: boolean): Promise<ListOutcome<T>>;
}

/** A 400 about the filter itself (invalidFilter, or a bare 400 on a filtered list). */
export function rejectedFilter(error: unknown): error is InspectorError {
  // The server's own 400 only: a filter this client refused (no status) is not the server's verdict.
  return error instanceof InspectorError && error.details?.status === 400 && (error.code === 'invalid-filter' || error.code === 'invalid-input');
}

function over(outcome: ListOutcome<ScimResource>, kind: ResourceKind): string {
  const what = kind === 'Users' ? 'users' : 'groups';
  const size = outcome.reportedTotal !== null ? `${outcome.reportedTotal} ${what}` : `every ${kind === 'Users' ? 'user' : 'group'}`;
  return outcome.complete ? `over a complete listing of ${size}` : `over a listing of ${size} that could not be verified complete`;
}

export async function listTrustingFilter<T extends ScimResource>(input: TrustedFilterListing<T>): Promise<ListOutcome<T>> {
  const { kind, trust } = input;
  if (input.serverFilterOnly) return input.run(false);
  const parsed = parseFilter(input.filter);
  const forms = formsInFilter(parsed, kind);
  const doubtful = forms.filter((f) => trust.untrusted(f)).map((f) => `${FILTER_FORMS[f]}: ${trust.why(f)}`);
  for (const other of otherComparisons(parsed, kind)) {
    const seen = trust.otherObservation(other.key);
    // The detail names the sample value tried, not the admin's: say so, or "Παπαδόπουλος" reads as a typo.
    // A rejection is left to the admin's own filter: the server's 400 then names their value and
    // the warning below says "rejected", with the --server-filter-only hint.
    if (untrusted(seen) && seen?.verdict !== 'rejected') doubtful.push(`${other.label}: ${seen?.verdict} when tried with a value a sample user holds${seen?.detail ? ` (${seen.detail.replace(/\.$/, '')})` : ''}`);
  }
  if (doubtful.length > 0) {
    const out = await input.run(true);
    const why = doubtful.join('; ');
    return { ...out, warnings: [`The server cannot be trusted with this filter (${why}), so it was applied locally ${over(out, kind)}.`, ...out.warnings] };
  }
  try {
    return await input.run(false);
  } catch (error) {
    if (!rejectedFilter(error)) throw error;
    const detail = typeof error.details?.detail === 'string' ? `: ${error.details.detail}` : '';
    // A filter of one form tells which form the server rejects; the next lookup need not ask it.
    if (forms.length === 1 && forms[0]) trust.learn(forms[0], { verdict: 'rejected', detail: `400${detail}` });
    const out = await input.run(true);
    return { ...out, warnings: [`The server rejected the filter (400${detail}), so it was applied locally ${over(out, kind)}. Use --server-filter-only to refuse instead.`, ...out.warnings] };
  }
}
