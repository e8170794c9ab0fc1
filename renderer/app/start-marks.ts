// Named moments of a start (performance.mark "pd:…"), so bench/startup can say where a cold start's time
// goes: each is marked once, the first time it happens after the page loaded.
const marked = new Set<string>();

export function markStart(name: string): void {
  if (marked.has(name)) return;
  marked.add(name);
  performance.mark(`pd:${name}`);
}
