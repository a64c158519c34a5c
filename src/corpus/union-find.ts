// Disjoint sets over any keys (path halving, union by size): the transitive
// closure behind claim groups, copy families and narratives.
export class UnionFind<K> {
  private readonly parent = new Map<K, K>();
  private readonly size = new Map<K, number>();

  find(x: K): K {
    if (!this.parent.has(x)) {
      this.parent.set(x, x);
      this.size.set(x, 1);
      return x;
    }
    let r = x;
    while (this.parent.get(r) !== r) {
      const up = this.parent.get(this.parent.get(r)!)!;
      this.parent.set(r, up);
      r = up;
    }
    return r;
  }

  union(a: K, b: K): void {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return;
    if (this.size.get(ra)! < this.size.get(rb)!) [ra, rb] = [rb, ra];
    this.parent.set(rb, ra);
    this.size.set(ra, this.size.get(ra)! + this.size.get(rb)!);
  }

  /** The sets, each as the list of its members in insertion order. */
  groups(): K[][] {
    const out = new Map<K, K[]>();
    for (const x of this.parent.keys()) {
      const r = this.find(x);
      let g = out.get(r);
      if (!g) out.set(r, (g = []));
      g.push(x);
    }
    return [...out.values()];
  }
}
