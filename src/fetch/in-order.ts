// Run an async function over a stream with up to `window` calls in flight,
// yielding the results in input order (outputs stay in input order; memory
// holds at most `window` results).

export async function* mapInOrder<T, R>(source: AsyncIterable<T> | Iterable<T>, fn: (item: T) => Promise<R>, window: number): AsyncGenerator<R> {
  const pending: Promise<R>[] = [];
  for await (const item of source) {
    pending.push(fn(item));
    if (pending.length >= window) yield await pending.shift()!;
  }
  while (pending.length) yield await pending.shift()!;
}
