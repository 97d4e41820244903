// The per-shape functions one codec emitter writes into a file: each kept under a key (a shape
// id, or a direction and a shape id), named before its code is written so that a recursive
// shape's function can call itself, and listed in name order.

export interface ShapeFunction {
  readonly name: string;
  readonly code: string;
}

export class ShapeFunctions {
  private readonly functions = new Map<string, ShapeFunction>();

  /** The name of the function kept under `key`; on first use it is named by `name()` and written by `write`. */
  nameOf(key: string, name: () => string, write: (name: string) => string): string {
    const existing = this.functions.get(key);
    if (existing !== undefined) return existing.name;
    const named = name();
    // Reserve the slot first: recursive shapes call their own function.
    this.functions.set(key, { name: named, code: "" });
    this.functions.set(key, { name: named, code: write(named) });
    return named;
  }

  /** The functions written so far, sorted by name. */
  sorted(): ShapeFunction[] {
    return [...this.functions.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
  }
}
