/**
 * Minimum-cost perfect matching of an n x n cost matrix (the Hungarian method with
 * row and column potentials, O(n^3)). Returns, for each row, the column matched to it.
 */
export function minimumCostMatching(cost: number[][]): number[] {
  const n = cost.length;
  const rowPotential = new Array<number>(n + 1).fill(0);
  const colPotential = new Array<number>(n + 1).fill(0);
  // rowOfCol[j]: the row (1-based, 0 = none) matched to column j; column 0 is a sentinel.
  const rowOfCol = new Array<number>(n + 1).fill(0);
  const previous = new Array<number>(n + 1).fill(0);

  for (let row = 1; row <= n; row++) {
    rowOfCol[0] = row;
    let col = 0;
    const slack = new Array<number>(n + 1).fill(Infinity);
    const visited = new Array<boolean>(n + 1).fill(false);
    do {
      visited[col] = true;
      const r = rowOfCol[col]!;
      let delta = Infinity;
      let next = 0;
      for (let j = 1; j <= n; j++) {
        if (visited[j]) continue;
        const reduced = cost[r - 1]![j - 1]! - rowPotential[r]! - colPotential[j]!;
        if (reduced < slack[j]!) {
          slack[j] = reduced;
          previous[j] = col;
        }
        if (slack[j]! < delta) {
          delta = slack[j]!;
          next = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (visited[j]) {
          rowPotential[rowOfCol[j]!]! += delta;
          colPotential[j]! -= delta;
        } else {
          slack[j]! -= delta;
        }
      }
      col = next;
    } while (rowOfCol[col] !== 0);
    // Flip the augmenting path back to the sentinel.
    do {
      const back = previous[col]!;
      rowOfCol[col] = rowOfCol[back]!;
      col = back;
    } while (col !== 0);
  }

  const colOfRow = new Array<number>(n).fill(-1);
  for (let j = 1; j <= n; j++) if (rowOfCol[j]! > 0) colOfRow[rowOfCol[j]! - 1] = j - 1;
  return colOfRow;
}
