/**
 * One signal that aborts when any of `parents` aborts (with that parent's reason). `dispose()`
 * removes the listeners, so long-lived parent signals do not accumulate them.
 */
export function linkSignals(parents: readonly (AbortSignal | undefined)[]): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const present = parents.filter((parent): parent is AbortSignal => parent !== undefined);
  const alreadyAborted = present.find((parent) => parent.aborted);
  if (alreadyAborted) {
    controller.abort(alreadyAborted.reason);
    return { signal: controller.signal, dispose: () => {} };
  }
  const listeners = present.map((parent) => {
    const onAbort = (): void => controller.abort(parent.reason);
    parent.addEventListener('abort', onAbort, { once: true });
    return () => parent.removeEventListener('abort', onAbort);
  });
  return {
    signal: controller.signal,
    dispose: () => {
      for (const remove of listeners) remove();
    },
  };
}
