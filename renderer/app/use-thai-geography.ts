import { useEffect, useState } from 'react';
import { loadThaiAmphoes, loadThaiGeography, type ThaiAmphoes, type ThaiGeography } from '../../shared/geography/thai-geography';

/** The DOPA divisions, loaded on first use (1.6 MB of tambon data stays out of start-up). */
export function useThaiGeography(): ThaiGeography | null {
  return useLoaded(loadThaiGeography);
}

/** Provinces and amphoe only, for a district filter: no tambon data to load or index. */
export function useThaiAmphoes(): ThaiAmphoes | null {
  return useLoaded(loadThaiAmphoes);
}

function useLoaded<T>(load: () => Promise<T>): T | null {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    let alive = true;
    void load().then((v) => alive && setValue(v));
    return () => {
      alive = false;
    };
  }, [load]);
  return value;
}
