import type { TreeEdge } from './minimum-spanning-tree';
import type { SeedGrowth } from './ssdbscan-growth';

/**
 * Two labels whose SSDBSCAN clusters collide. SSDBSCAN clusters of different labels never
 * share a point (a point in both would put each seed closer to the other's label than its
 * own cut allows), so overlap cannot happen and a collision is always a touch, defined as:
 *
 * the growth of a seed of one label was cut on its way to a seed of the other label (no
 * third label lies between them on the tree), and the cut weight is at most `gapTolerance`
 * times the core distance of the sparser of the two boundary points (the last point of
 * each seed's cluster on the tree path between the seeds). The ratio cut weight / that core
 * distance is the `gap`. In words: crossing from one cluster to the other never needs a
 * jump much longer than the boundary points' own neighbourhoods (gap <= 1: none at all).
 * A wide empty gap, or a lone outlier between two groups (whose large core distance sets
 * the cut), gives a gap well above 1. The measure is local to the contact on purpose: an
 * outlier that joined a cluster elsewhere does not change how two labels meet here.
 *
 * Two seeds of the same label never collide: a growth passes through its own label.
 */
export interface Collision {
  /** labels[0] is the label of seeds[0], whose growth was cut on its way to seeds[1]. */
  labels: [string, string];
  /** The pair of seeds of the strongest contact between the two labels. */
  seeds: [number, number];
  /**
   * Points of the contested stretches of every colliding contact, ascending. A stretch is
   * the part of the tree path between the two seeds from the last point of the first
   * seed's cluster to the first point of the second's: the boundary points and whatever
   * unclaimed points (a bridge) lie between them.
   */
  points: number[];
  /** The cut of the strongest contact: `from` is the last point of seeds[0]'s cluster. */
  cut: TreeEdge;
  /** Cut weight over the larger core distance of the two boundary points (strongest contact). */
  gap: number;
  /** 1 / (1 + gap), in (0, 1]: higher is a deeper collision; 0.5 at gap 1. */
  score: number;
  /** How many seeds' growths met the other label through a colliding stretch. */
  contacts: number;
  /**
   * Contacts over the two labels' seeds, in (0, 1]: how thoroughly the labels interleave.
   * Touching clusters all score 0.5 (in mutual reachability a touching cut is as long as
   * the boundary's core distance), so this ranks them: one class split into two labels
   * mixes nearly every seed, two classes that merely border each other few.
   */
  mixing: number;
}

/**
 * Every colliding pair of labels, strongest (highest score) first, then the most mixed,
 * then by labels. Each seed's growth contributes at most one contact: with the seed it met
 * first.
 */
export function findCollisions(
  growths: ReadonlyMap<number, SeedGrowth>,
  cores: Float64Array,
  gapTolerance: number,
): Collision[] {
  const byPair = new Map<string, Contact>();
  for (const growth of growths.values()) {
    if (growth.meets === null) continue;
    const contact = contactBetween(growth, growths.get(growth.meets)!, cores);
    if (!(contact.gap <= gapTolerance)) continue;

    const key = pairName(contact);
    const known = byPair.get(key);
    if (known === undefined) {
      byPair.set(key, contact);
      continue;
    }
    const strongest = contact.gap < known.gap ? contact : known;
    byPair.set(key, {
      ...strongest,
      points: [...new Set([...known.points, ...contact.points])].sort((a, b) => a - b),
      contacts: known.contacts + 1,
    });
  }
  const seedsOf = new Map<string, number>();
  for (const { label } of growths.values()) seedsOf.set(label, (seedsOf.get(label) ?? 0) + 1);
  const mixed = [...byPair.values()].map((collision) => ({
    ...collision,
    mixing:
      collision.contacts / (seedsOf.get(collision.labels[0])! + seedsOf.get(collision.labels[1])!),
  }));
  // Plain code-unit order for the labels, not localeCompare: the same on every machine.
  return mixed.sort(
    (a, b) => b.score - a.score || b.mixing - a.mixing || (pairName(a) < pairName(b) ? -1 : 1),
  );
}

/** A collision before the pair's contacts are all counted, which its mixing needs. */
type Contact = Omit<Collision, 'mixing'>;

/** The unordered pair of labels, as one key. */
function pairName(collision: Contact): string {
  return JSON.stringify([...collision.labels].sort());
}

/** The contested stretch between a growth and the seed it met, and how wide its gap is. */
function contactBetween(growth: SeedGrowth, met: SeedGrowth, cores: Float64Array): Contact {
  const { path, steps } = growth;
  // The growth's cluster is a prefix of the path and the met seed's cluster a suffix: the
  // bottleneck from either end only grows along a tree path.
  let first = 0;
  while (steps[first]! < growth.cutWeight) first++;
  let last = path.length - 1;
  while (last > 0 && steps[last - 1]! < met.cutWeight) last--;

  const scale = Math.max(cores[path[first]!]!, cores[path[last]!]!);
  const gap = growth.cutWeight === 0 ? 0 : growth.cutWeight / scale;
  return {
    labels: [growth.label, met.label],
    seeds: [growth.seed, met.seed],
    points: path.slice(first, last + 1).sort((a, b) => a - b),
    cut: { from: path[first]!, to: path[first + 1]!, weight: growth.cutWeight },
    gap,
    score: 1 / (1 + gap),
    contacts: 1,
  };
}
