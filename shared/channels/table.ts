// Channels of the users and groups grids over main's index of a listing (issue 15, the explorer
// at 1M): the renderer never holds a million resources; it asks for the window of rows it shows,
// for the current quick search and sort, and main answers from its index within a few
// milliseconds, saying whether the total is exact yet (the grid asks again while it is not).
// Implementations in electron/core/app/features/table.ts.

import type { ChannelDef } from '../channel-def';
import { channel } from '../channel-def';
import { oneOf, optionalInteger, record, requiredString } from '../channel-guards';
import { isAttributePath, MAX_ATTRIBUTE_COLUMNS, type AttributeChoice } from '../attribute-columns';
import { columnsOf, type ColumnId } from '../columns';
import { InspectorError } from '../errors';
import type { ResourceKind } from '../scim';
import { parseSelection, type TableSelection } from '../selection';

const KINDS = ['Users', 'Groups'] as const;
const LIST_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** Rows per window: a screen or two of the grid, with overscan. */
export const MAX_WINDOW_ROWS = 1_000;
const MAX_LOOKUP = 2_000;
/** Ids per table.absent call: a group's whole member list (the largest groups hold ~1M users). */
export const MAX_ABSENT_IDS = 1_000_000;
/**
 * resources.list with pages: 'auto' sends a listing's resources to the renderer only while it
 * holds at most this many (reported total included): the detail pane and the membership views of a
 * small tenant read them at once; past it (2.6 KB a user in the renderer) only main keeps them.
 */
export const RENDERER_HOLDS_MAX = 50_000;
const MAX_SEARCH = 256;

/**
 * One row as the grid shows it: the id and every column's text, in columnsOf(kind) order, and the
 * extra attribute columns asked for (`attributes`), in the order asked.
 */
export interface TableRow {
  id: string;
  cells: string[];
  attributes?: string[];
  /**
   * When the window was asked with a selection's parts: the position of the last part covering
   * this row (-1: none); the renderer applies the rows toggled by hand on top (shared/selection).
   */
  part?: number;
}

export interface TableSort {
  /** A fixed column, or an extra attribute column's SCIM path. */
  column: ColumnId;
  dir: 'asc' | 'desc';
}

export interface TableWindow {
  listId: string;
  /** Rows of the view from position `from` on. */
  rows: TableRow[];
  /** Rows in the view (search applied): all of them when `exact`, else those found so far. */
  total: number;
  exact: boolean;
  /** Rows the listing holds (no search). */
  size: number;
  /** The listing is still streaming in. */
  loading: boolean;
}

function viewOf(r: Record<string, unknown>, name: string) {
  const kind: ResourceKind = oneOf(r.kind, KINDS, 'kind') ?? 'Users';
  const search = r.search === undefined ? '' : r.search;
  if (typeof search !== 'string' || search.length > MAX_SEARCH) {
    throw new InspectorError('invalid-input', `The request field "search" must be a string of at most ${MAX_SEARCH} characters.`, { field: 'search', channel: name });
  }
  let sort: TableSort | null = null;
  if (r.sort !== undefined && r.sort !== null) {
    const s = record(r.sort, `${name} sort`);
    const column = s.column;
    if (typeof column !== 'string' || !((columnsOf(kind) as readonly string[]).includes(column) || isAttributePath(kind, column))) {
      throw new InspectorError('invalid-input', 'The request field "sort.column" must name a column of the table or an attribute path.', { field: 'sort.column' });
    }
    sort = { column, dir: oneOf(s.dir, ['asc', 'desc'] as const, 'sort.dir') ?? 'asc' };
  }
  return { profileId: requiredString(r.profileId, 'profileId'), kind, listId: requiredString(r.listId, 'listId', LIST_ID), search, sort };
}

/**
 * Which view of a listing asks, and for which of its queries (a grid's generation: each new search,
 * sort or data tick is the next). Main lets a view's newer query supersede that view's older
 * calls by this number, not by the order calls arrive in (calls on different connections overtake
 * each other), and never lets one view supersede another's.
 */
export interface ViewTurn {
  view: string;
  generation: number;
}

function turnOf(value: unknown): ViewTurn | undefined {
  if (value === undefined || value === null) return undefined;
  const t = record(value, 'table.window turn');
  return { view: requiredString(t.view, 'turn.view', VIEW_ID), generation: optionalInteger(t.generation, 'turn.generation', 0, Number.MAX_SAFE_INTEGER) ?? 0 };
}
const VIEW_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The extra attribute columns a window or lookup asks for (SCIM paths). */
function attributesOf(value: unknown, kind: ResourceKind): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > MAX_ATTRIBUTE_COLUMNS || !value.every((p) => typeof p === 'string' && isAttributePath(kind, p))) {
    throw new InspectorError('invalid-input', `The request field "attributes" must be a list of at most ${MAX_ATTRIBUTE_COLUMNS} attribute paths (e.g. "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department").`, { field: 'attributes' });
  }
  return value as string[];
}

/** What main holds of one kind's listing, for a caller deciding how far to trust its rows. */
export interface HeldListing {
  /** Rows held now (verified writes since the listing included). */
  rows: number;
  /** Still streaming in (a first load or a refresh). */
  loading: boolean;
  /** The listing ended verified complete (every page, no id missing or repeated). */
  complete: boolean;
  /** It was a SCIM-filtered listing: it never held the whole tenant. */
  filtered: boolean;
}

/**
 * The answer of table.absent. A row main holds came from the server (a listing's verified page or a
 * verified write's read-back), so its id exists; an id no row has proves nothing either way (the
 * listing may be filtered, incomplete, still loading, or older than the resource): only `absent`
 * ids need asking the server about.
 */
export interface AbsentIds {
  /** The ids neither main's users nor its groups listing holds a row for, in the order asked. */
  absent: string[];
  listings: Record<ResourceKind, HeldListing | null>;
}

export interface AttributeChoices {
  /** Attributes offered as extra columns: the schemas' first, then those only seen in the listing. */
  choices: AttributeChoice[];
  /** Why /Schemas could not be read (the choices are then only what the listing carried). */
  schemasError: string | null;
}

export const TABLE_CHANNELS = {
  /** Rows [from, from + count) of a listing's view; `exact: true` works on until the total is known. */
  'table.window': channel<TableWindow>()((input) => {
    const r = record(input, 'table.window');
    const view = viewOf(r, 'table.window');
    return {
      ...view,
      attributes: attributesOf(r.attributes, view.kind),
      from: optionalInteger(r.from, 'from', 0, 100_000_000) ?? 0,
      count: optionalInteger(r.count, 'count', 0, MAX_WINDOW_ROWS) ?? 100,
      exact: r.exact === true,
      ...(r.turn === undefined || r.turn === null ? {} : { turn: turnOf(r.turn) as ViewTurn }),
      /** A selection's parts (its overrides are not needed): each row then says which part covers it. */
      ...(r.selection === undefined || r.selection === null ? {} : { selection: parseSelection(r.selection) as TableSelection }),
    };
  }),
  /** The rows main holds for these ids in the current listing of a kind (null: not loaded). */
  'table.lookup': channel<(TableRow | null)[]>()((input) => {
    const r = record(input, 'table.lookup');
    if (!Array.isArray(r.ids) || r.ids.length > MAX_LOOKUP || !r.ids.every((id) => typeof id === 'string' && id.length > 0 && id.length <= 2048)) {
      throw new InspectorError('invalid-input', `The request field "ids" must be a list of at most ${MAX_LOOKUP} ids.`, { field: 'ids' });
    }
    const kind = oneOf(r.kind, KINDS, 'kind') ?? ('Users' as ResourceKind);
    return { profileId: requiredString(r.profileId, 'profileId'), kind, ids: r.ids as string[], attributes: attributesOf(r.attributes, kind) };
  }),
  /** Which of these ids (a group's members) no row of main's users and groups listings has: one call, not one per member. */
  'table.absent': channel<AbsentIds>()((input) => {
    const r = record(input, 'table.absent');
    if (!Array.isArray(r.ids) || r.ids.length > MAX_ABSENT_IDS || !r.ids.every((id) => typeof id === 'string' && id.length > 0 && id.length <= 2048)) {
      throw new InspectorError('invalid-input', `The request field "ids" must be a list of at most ${MAX_ABSENT_IDS} ids of 1 to 2048 characters.`, { field: 'ids' });
    }
    return { profileId: requiredString(r.profileId, 'profileId'), ids: r.ids as string[] };
  }),
  /** The attributes a kind's extra columns can show: from /Schemas and the listing held. */
  'table.attributes': channel<AttributeChoices>()((input) => {
    const r = record(input, 'table.attributes');
    return { profileId: requiredString(r.profileId, 'profileId'), kind: oneOf(r.kind, KINDS, 'kind') ?? ('Users' as ResourceKind) };
  }),
} satisfies Record<string, ChannelDef<unknown, unknown>>;
