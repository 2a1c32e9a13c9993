/**
 * A map that never holds more than about `2 × limit` entries: new entries go to a young generation; when it is
 * full it becomes the old one and the previous old generation is dropped. A hit in the old generation moves
 * the entry back to the young one, so what is in use survives. Lookups never reorder anything, which keeps a
 * hit as cheap as a Map lookup while still bounding what random keys can make the process hold.
 */
export class BoundedMap<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();

  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    const hit = this.young.get(key);
    if (hit !== undefined) return hit;
    const aged = this.old.get(key);
    if (aged !== undefined) {
      this.old.delete(key);
      this.set(key, aged);
    }
    return aged;
  }

  set(key: K, value: V): void {
    if (!this.young.has(key) && this.young.size >= this.limit) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }

  delete(key: K): void {
    this.young.delete(key);
    this.old.delete(key);
  }
}
