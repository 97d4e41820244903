// `aws.partition`: the partition a region belongs to, from partitions.json-shaped data.

import { PARTITIONS } from "./partitions-data.js";

/** What `aws.partition` returns. */
export interface Partition {
  readonly name: string;
  readonly dnsSuffix: string;
  readonly dualStackDnsSuffix: string;
  readonly supportsFIPS: boolean;
  readonly supportsDualStack: boolean;
  readonly implicitGlobalRegion: string;
}

/** The shape of partitions.json (`JSON.parse` of a newer file fits). */
export interface PartitionData {
  readonly version: string;
  readonly partitions: readonly {
    readonly id: string;
    readonly regionRegex: string;
    /** Per region, outputs that differ from the partition's (usually none). */
    readonly regions: Readonly<Record<string, Partial<Partition> & { readonly description?: string }>>;
    readonly outputs: Partition;
  }[];
}

// Lookups are memoised per data object: a resolver asks for the same few regions again and again.
const memo = new WeakMap<PartitionData, Map<string, Partition>>();

/**
 * The region's partition: the one listing it, else the first whose regionRegex matches, else
 * the `aws` partition (as every AWS SDK does, so that new regions resolve before the data knows them).
 */
export function partition(region: string, data: PartitionData = PARTITIONS): Partition | undefined {
  let known = memo.get(data);
  if (known === undefined) memo.set(data, (known = new Map()));
  const hit = known.get(region);
  if (hit !== undefined) return hit;
  const found = lookup(region, data);
  if (found !== undefined && known.size < 512) known.set(region, found);
  return found;
}

function lookup(region: string, data: PartitionData): Partition | undefined {
  for (const p of data.partitions) {
    const overrides = p.regions[region];
    if (overrides !== undefined && Object.hasOwn(p.regions, region)) {
      const { description: _description, ...outputs } = overrides;
      return { ...p.outputs, ...outputs };
    }
  }
  for (const p of data.partitions) if (new RegExp(p.regionRegex).test(region)) return p.outputs;
  return data.partitions.find((p) => p.id === "aws")?.outputs;
}
