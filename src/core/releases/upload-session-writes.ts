/**
 * The PATCHes of resumable upload sessions this instance is finishing: their body has ended (often cut off by a
 * dropped connection) and what arrived is still being stored and recorded, which on a large part takes a while (the
 * store syncs it). A HEAD or PATCH of the same session waits for those first, so a client resuming right after a
 * dropped connection is told every byte the dropped request brought instead of sending it again. Requests still
 * receiving their body are not waited for: one the server has not seen die yet must not hold up its own resume.
 */
export class UploadSessionWrites {
  readonly #finishing = new Map<string, Set<Promise<void>>>();

  /** Called by a PATCH once its body has ended; `recorded` settles when its bytes are stored and counted. */
  finishing(id: string, recorded: Promise<unknown>): void {
    const settled = recorded.then(
      () => undefined,
      () => undefined,
    );
    let set = this.#finishing.get(id);
    if (!set) {
      set = new Set();
      this.#finishing.set(id, set);
    }
    set.add(settled);
    void settled.then(() => {
      set.delete(settled);
      if (set.size === 0 && this.#finishing.get(id) === set) this.#finishing.delete(id);
    });
  }

  /** Resolves once every PATCH of session `id` that was finishing when called has recorded what it brought. */
  async settled(id: string): Promise<void> {
    const set = this.#finishing.get(id);
    if (set) await Promise.all([...set]);
  }
}
