/** Minutes since an experiment started, for its progress lines and its report. */
export function experimentClock() {
  const started = performance.now();
  const minutes = () => ((performance.now() - started) / 60_000).toFixed(1);
  return {
    minutes,
    /** Prints a line stamped with the minutes so far. */
    log: (line: string) => console.log(`[${minutes().padStart(5)} min] ${line}`),
  };
}
