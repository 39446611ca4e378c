/** Disjoint sets over string keys, with path halving: groups identities seen together. */
export class UnionFind {
  private readonly parent = new Map<string, string>();

  find(key: string): string {
    if (!this.parent.has(key)) this.parent.set(key, key);
    let node = key;
    while (this.parent.get(node) !== node) {
      const grand = this.parent.get(this.parent.get(node)!)!;
      this.parent.set(node, grand);
      node = grand;
    }
    return node;
  }

  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}
