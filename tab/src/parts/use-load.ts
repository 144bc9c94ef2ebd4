/** Loads something when its inputs change; keeps the last answer while the next one loads. */
import { useCallback, useEffect, useState } from 'react';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload: () => void;
}

export function useLoad<T>(load: () => Promise<T>, inputs: unknown[]): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [round, setRound] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names what the load depends on (`inputs`).
  useEffect(() => {
    let current = true;
    setLoading(true);
    load().then(
      (d) => {
        if (!current) return;
        setData(d);
        setError(null);
        setLoading(false);
      },
      (e: Error) => {
        if (!current) return;
        setError(e.message);
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [...inputs, round]);
  return { data, error, loading, reload: useCallback(() => setRound((r) => r + 1), []) };
}
