import { createContext, useContext } from 'react';
import type { DeskData } from '../db/desk-data';

export const DeskDataContext = createContext<DeskData | null>(null);

/** The data layer, opened once at start-up (see main.tsx). */
export function useDeskData(): DeskData {
  const data = useContext(DeskDataContext);
  if (!data) throw new Error('useDeskData outside DeskDataContext');
  return data;
}
