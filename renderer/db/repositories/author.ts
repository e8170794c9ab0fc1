/** Who is writing, as the session knows them (the signed-in user, or the local user before sign-in). */
export interface Author {
  userId: string;
  displayName: string;
}

/** Where new records belong: the office's province and, for a district officer, the amphoe. */
export interface WorkScope {
  provinceCode: string;
  districtCode: string | null;
}
