import { useEffect, useState } from 'react';
import { loadThaiGeography, type ThaiGeography } from '../../shared/geography/thai-geography';

/** The DOPA divisions, loaded on first use (1.6 MB of tambon data stays out of start-up). */
export function useThaiGeography(): ThaiGeography | null {
  const [geography, setGeography] = useState<ThaiGeography | null>(null);
  useEffect(() => {
    let alive = true;
    void loadThaiGeography().then((g) => alive && setGeography(g));
    return () => {
      alive = false;
    };
  }, []);
  return geography;
}
