// Which groups hold a user, from the groups listing's member lists: a reverse index (pooled user
// id -> group rows) built in two passes over the member lists into two typed arrays (CSR), so a
// million users in ten thousand groups cost 4 bytes a user plus 4 a membership. Rebuilt when the
// groups change, at most a few times a second while the groups listing streams in.

import type { TableIndex } from './table-index';

const REBUILD_WHILE_LOADING_MS = 300;

export class Memberships {
  private offsets = new Uint32Array(1);
  private groupRows = new Int32Array(0);
  private builtFor = -1;
  private builtAt = 0;

  constructor(private readonly groups: TableIndex) {}

  /** The group rows holding a pooled id, in the groups' listing order. */
  groupsOf(pooled: number, loading: boolean): Int32Array {
    this.refresh(loading);
    if (pooled + 1 >= this.offsets.length) return this.groupRows.subarray(0, 0);
    return this.groupRows.subarray(this.offsets[pooled] as number, this.offsets[pooled + 1] as number);
  }

  /** A group's name as the Groups cell shows it (its id when it has none). */
  nameOf(groupRow: number): string {
    return this.groups.cell(groupRow, 'displayName') || this.groups.idOf(groupRow);
  }

  get footprint(): number {
    return this.offsets.byteLength + this.groupRows.byteLength;
  }

  private refresh(loading: boolean): void {
    if (this.builtFor === this.groups.version) return;
    if (loading && this.builtFor !== -1 && performance.now() - this.builtAt < REBUILD_WHILE_LOADING_MS) return;
    const groups = this.groups;
    const pooledIds = groups.pools.ids.size;
    const offsets = new Uint32Array(pooledIds + 1);
    let edges = 0;
    for (let row = 0; row < groups.rows; row++) {
      for (const pooled of groups.members.get(row)) {
        offsets[pooled + 1] = (offsets[pooled + 1] as number) + 1;
        edges++;
      }
    }
    for (let i = 1; i <= pooledIds; i++) offsets[i] = (offsets[i] as number) + (offsets[i - 1] as number);
    const fill = offsets.slice(0, pooledIds);
    const groupRows = new Int32Array(edges);
    for (let row = 0; row < groups.rows; row++) {
      // A group listing the same member twice shows once.
      let last = -1;
      for (const pooled of groups.members.get(row)) {
        if (pooled === last) continue;
        last = pooled;
        const at = fill[pooled] as number;
        if (at > (offsets[pooled] as number) && groupRows[at - 1] === row) continue;
        groupRows[at] = row;
        fill[pooled] = at + 1;
      }
    }
    // Duplicates skipped above leave a gap at the end of their id's range: close it.
    const packed = new Uint32Array(pooledIds + 1);
    let out = 0;
    for (let pooled = 0; pooled < pooledIds; pooled++) {
      packed[pooled] = out;
      for (let i = offsets[pooled] as number; i < (fill[pooled] as number); i++) groupRows[out++] = groupRows[i] as number;
    }
    packed[pooledIds] = out;
    this.offsets = packed;
    this.groupRows = out === edges ? groupRows : groupRows.slice(0, out);
    this.builtFor = groups.version;
    this.builtAt = performance.now();
  }
}
