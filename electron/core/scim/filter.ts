// Filter helpers used by the listing engine, the UI filter builder and the CLI's `find`:
// parse (with error positions), validate without throwing, build from clauses, match locally.

import { stringify } from 'scim2-parse-filter';
import { InspectorError } from '../../../shared/errors';
import { evaluateFilter } from './filter-eval';
import { COMPARE_OPERATORS, isValidAttributePath, parseFilter, type CompareOperator, type Filter, type FilterValue } from './filter-parse';

export { parseFilter, isValidAttributePath, COMPARE_OPERATORS } from './filter-parse';
export type { Filter, CompareOperator, FilterValue } from './filter-parse';
export { filterAttributes } from './filter-eval';

export type FilterValidation =
  | { valid: true; filter: Filter; normalized: string }
  | { valid: false; message: string; position: number };

/** Validates without throwing, for live feedback in the UI filter box. */
export function validateFilter(text: string): FilterValidation {
  try {
    const filter = parseFilter(text);
    return { valid: true, filter, normalized: stringifyFilter(filter) };
  } catch (error) {
    if (error instanceof InspectorError && error.code === 'invalid-filter') {
      const position = typeof error.details?.position === 'number' ? error.details.position : 0;
      return { valid: false, message: error.message, position };
    }
    throw error;
  }
}

/** Canonical text of a parsed filter; values are JSON-quoted, so quotes and backslashes are safe. */
export function stringifyFilter(filter: Filter): string {
  return stringify(filter);
}

export interface FilterClause {
  attribute: string;
  operator: CompareOperator | 'pr';
  /** Required for every operator except "pr". Strings are quoted and escaped here. */
  value?: FilterValue;
  /** How this clause joins the one before it (default "and"); ignored on the first clause. */
  join?: 'and' | 'or';
  /** Negate this clause ("not (...)"). */
  not?: boolean;
}

function clauseToFilter(clause: FilterClause, index: number): Filter {
  if (typeof clause.attribute !== 'string' || !isValidAttributePath(clause.attribute.trim())) {
    throw new InspectorError('invalid-filter', `Clause ${index + 1}: ${JSON.stringify(clause.attribute)} is not a valid attribute name (e.g. userName, emails.value, name.familyName).`, { position: 0, clause: index });
  }
  const attrPath = clause.attribute.trim();
  let filter: Filter;
  if (clause.operator === 'pr') {
    filter = { op: 'pr', attrPath };
  } else if ((COMPARE_OPERATORS as readonly string[]).includes(clause.operator)) {
    const v: unknown = clause.value;
    if (v === undefined || !(v === null || ['string', 'number', 'boolean'].includes(typeof v)) || (typeof v === 'number' && !Number.isFinite(v))) {
      throw new InspectorError('invalid-filter', `Clause ${index + 1}: "${clause.operator}" needs a value (text, number, true/false or null).`, { position: 0, clause: index });
    }
    filter = { op: clause.operator, attrPath, compValue: v as FilterValue };
  } else {
    throw new InspectorError('invalid-filter', `Clause ${index + 1}: unknown operator ${JSON.stringify(clause.operator)}; use one of ${[...COMPARE_OPERATORS, 'pr'].join(', ')}.`, { position: 0, clause: index });
  }
  return clause.not ? { op: 'not', filter } : filter;
}

/**
 * Builds filter text from clauses. "and" binds tighter than "or" (as in SCIM), so
 * [a, or b, and c] means a or (b and c). The result is re-parsed, so it is always valid.
 */
export function buildFilter(clauses: readonly FilterClause[]): string {
  if (!Array.isArray(clauses) || clauses.length === 0) {
    throw new InspectorError('invalid-filter', 'Add at least one condition to build a filter.', { position: 0 });
  }
  const orGroups: Filter[][] = [[]];
  clauses.forEach((clause, i) => {
    if (i > 0 && clause.join === 'or') orGroups.push([]);
    (orGroups[orGroups.length - 1] as Filter[]).push(clauseToFilter(clause, i));
  });
  const ands: Filter[] = orGroups.map((g) => (g.length === 1 ? (g[0] as Filter) : { op: 'and', filters: g }));
  const filter: Filter = ands.length === 1 ? (ands[0] as Filter) : { op: 'or', filters: ands };
  const text = stringifyFilter(filter);
  parseFilter(text);
  return text;
}

/**
 * True when the resource satisfies the filter, evaluated locally: attribute names are
 * case-insensitive and strings compare case-insensitively unless RFC 7643 says caseExact.
 */
export function matchesFilter(resource: unknown, filter: Filter | string): boolean {
  const ast = typeof filter === 'string' ? parseFilter(filter) : filter;
  return evaluateFilter(resource, ast);
}
