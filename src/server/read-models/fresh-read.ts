/**
 * A read shared by the requests that wait for it, and never older than any of them. A request that arrives while no
 * read is running starts one; a request that arrives while a read is running waits for the next read, which starts as
 * soon as the running one ends and is shared by every request that arrived in between. So what a request gets was
 * read after it arrived (a write committed before the request is seen, on every instance alike), and N requests at
 * once cost about two reads instead of N. A failed read fails the requests that shared it; the next request reads anew.
 */
export function freshReader<T>(read: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  let next: Promise<T> | null = null;
  const start = (): Promise<T> => {
    const p = read();
    running = p;
    const clear = () => {
      if (running === p) running = null;
    };
    p.then(clear, clear);
    return p;
  };
  return () => {
    if (!running) return start();
    if (!next) {
      next = running.then(
        () => undefined,
        () => undefined,
      ).then(() => {
        next = null;
        return start();
      });
    }
    return next;
  };
}
