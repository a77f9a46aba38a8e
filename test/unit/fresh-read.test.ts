import { describe, expect, it } from 'vitest';
import { freshReader } from '../../src/server/read-models/fresh-read.js';

/** A read whose answer is the number of the read, finished by hand. */
function controlledRead() {
  const pending: Array<(n: number) => void> = [];
  let reads = 0;
  const read = () =>
    new Promise<number>((resolve) => {
      const n = ++reads;
      pending.push(() => resolve(n));
    });
  return { read, finishNext: () => pending.shift()!(0), reads: () => reads };
}

describe('freshReader', () => {
  it('starts a read for a request when none is running', async () => {
    const c = controlledRead();
    const get = freshReader(c.read);
    const a = get();
    c.finishNext();
    expect(await a).toBe(1);
    const b = get();
    c.finishNext();
    expect(await b).toBe(2);
  });

  it('lets requests that arrive during a read share the next read, never the running one', async () => {
    const c = controlledRead();
    const get = freshReader(c.read);
    const first = get();
    const later = [get(), get(), get()];
    expect(c.reads()).toBe(1);
    c.finishNext();
    expect(await first).toBe(1);
    await new Promise((r) => setTimeout(r, 0));
    expect(c.reads()).toBe(2);
    c.finishNext();
    expect(await Promise.all(later)).toEqual([2, 2, 2]);
  });

  it('fails the requests of a failed read, and the next request reads anew', async () => {
    let fail = true;
    let reads = 0;
    const get = freshReader(async () => {
      reads++;
      if (fail) throw new Error('database gone');
      return reads;
    });
    await expect(get()).rejects.toThrow('database gone');
    fail = false;
    expect(await get()).toBe(2);
  });
});
