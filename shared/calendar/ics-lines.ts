// A first pass over an .ics file that keeps physical line numbers, which ical.js does not report:
// it unfolds continuation lines, checks every content line has a name and a colon and that
// BEGIN/END nest, and cuts the calendar into its top-level components (each VEVENT, VTIMEZONE …)
// with their own lines and problems, so one broken event is skipped without losing the others.

export interface IcsLineProblem {
  line: number;
  code: 'not-calendar' | 'bad-line' | 'unbalanced' | 'unterminated';
  detail: string;
}

export interface LogicalLine {
  /** Physical line number (1-based) where the content line starts. */
  line: number;
  text: string;
}

export interface IcsComponentLines {
  /** Upper-case component name: VEVENT, VTIMEZONE, VTODO … */
  name: string;
  /** Line of its BEGIN. */
  begin: number;
  /** Its content lines, unfolded, BEGIN and END included. */
  lines: LogicalLine[];
  /** First line of each of its own properties (not those of a VALARM inside it), by upper-case name. */
  properties: Map<string, number>;
  /** What is wrong inside it: such a component is skipped, the others are read. */
  problems: IcsLineProblem[];
}

export interface IcsLineScan {
  /** Problems that make the whole file unreadable (it is not a calendar at all). */
  fatal: IcsLineProblem[];
  components: IcsComponentLines[];
  /** Problems outside any component (a stray line between events): they cost no activity. */
  stray: IcsLineProblem[];
}

const CONTENT_LINE = /^[A-Za-z0-9-]+(?:;[^:]*)?:/;

/** Content lines with their physical line numbers: folded lines joined, blank lines dropped. */
export function unfoldIcs(text: string): LogicalLine[] {
  const physical = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const logical: LogicalLine[] = [];
  physical.forEach((raw, i) => {
    if (/^[ \t]/.test(raw) && logical.length > 0) logical[logical.length - 1]!.text += raw.slice(1);
    else if (raw.trim() !== '') logical.push({ line: i + 1, text: raw });
  });
  return logical;
}

export function scanIcsLines(text: string): IcsLineScan {
  const logical = unfoldIcs(text);
  const fatal: IcsLineProblem[] = [];
  const stray: IcsLineProblem[] = [];
  const components: IcsComponentLines[] = [];
  if (!/^BEGIN:VCALENDAR$/i.test(logical[0]?.text.trim() ?? '')) {
    fatal.push({ line: logical[0]?.line ?? 1, code: 'not-calendar', detail: logical[0]?.text.slice(0, 60) ?? '' });
    return { fatal, components, stray };
  }
  // Open components, outermost first: VCALENDAR, then a top-level component and what nests in it.
  const stack: string[] = [];
  let current: IcsComponentLines | null = null;
  const report = (problem: IcsLineProblem) => (current ? current.problems : stray).push(problem);
  const closeCurrent = () => {
    if (current) components.push(current);
    current = null;
  };

  for (const entry of logical) {
    const { line, text: content } = entry;
    if (!CONTENT_LINE.test(content)) {
      report({ line, code: 'bad-line', detail: content.slice(0, 60) });
      continue;
    }
    const name = content.slice(0, content.search(/[;:]/)).toUpperCase();
    const value = content.slice(content.indexOf(':') + 1).trim().toUpperCase();
    if (name === 'BEGIN') {
      if (stack.length === 0 && value !== 'VCALENDAR') {
        stray.push({ line, code: 'unbalanced', detail: `BEGIN:${value}` });
        continue;
      }
      stack.push(value);
      if (stack.length === 2) current = { name: value, begin: line, lines: [], properties: new Map(), problems: [] };
      current?.lines.push(entry);
    } else if (name === 'END') {
      const at = stack.lastIndexOf(value);
      if (at < 0) {
        report({ line, code: 'unbalanced', detail: `END:${value}` });
        continue;
      }
      if (at < stack.length - 1) {
        // Something opened inside was never closed: the component it is in cannot be trusted.
        report({ line, code: 'unbalanced', detail: `END:${value}` });
        if (current && at < 1) {
          (current as IcsComponentLines).lines.push(entry);
          closeCurrent();
        }
      }
      current?.lines.push(entry);
      stack.length = at;
      if (stack.length === 1) closeCurrent();
    } else if (current) {
      current.lines.push(entry);
      if (stack.length === 2 && !current.properties.has(name)) current.properties.set(name, line);
    } else if (stack.length === 0) {
      stray.push({ line, code: 'bad-line', detail: content.slice(0, 60) });
    }
  }
  if (current) {
    (current as IcsComponentLines).problems.push({ line: logical[logical.length - 1]!.line, code: 'unterminated', detail: stack.slice(1).join(', ') });
    closeCurrent();
  }
  return { fatal, components, stray };
}
