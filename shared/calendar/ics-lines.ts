// A first pass over an .ics file that keeps physical line numbers, which ical.js does not report:
// it unfolds continuation lines, checks every content line has a name and a colon and that
// BEGIN/END nest, and remembers where each top-level VEVENT and its properties are.

export interface IcsLineProblem {
  line: number;
  code: 'not-calendar' | 'bad-line' | 'unbalanced' | 'unterminated';
  detail: string;
}

export interface VeventLines {
  /** Line of its BEGIN:VEVENT. */
  begin: number;
  /** First line of each property, by upper-case name. */
  properties: Map<string, number>;
}

export interface IcsLineScan {
  problems: IcsLineProblem[];
  vevents: VeventLines[];
}

const CONTENT_LINE = /^[A-Za-z0-9-]+(?:;[^:]*)?:/;

export function scanIcsLines(text: string): IcsLineScan {
  const physical = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const logical: { line: number; text: string }[] = [];
  physical.forEach((raw, i) => {
    if (/^[ \t]/.test(raw) && logical.length > 0) logical[logical.length - 1]!.text += raw.slice(1);
    else if (raw.trim() !== '') logical.push({ line: i + 1, text: raw });
  });

  const problems: IcsLineProblem[] = [];
  const vevents: VeventLines[] = [];
  const stack: string[] = [];
  let current: VeventLines | null = null;
  if (!/^BEGIN:VCALENDAR$/i.test(logical[0]?.text.trim() ?? '')) {
    problems.push({ line: logical[0]?.line ?? 1, code: 'not-calendar', detail: logical[0]?.text.slice(0, 60) ?? '' });
    return { problems, vevents };
  }
  for (const { line, text: content } of logical) {
    if (!CONTENT_LINE.test(content)) {
      problems.push({ line, code: 'bad-line', detail: content.slice(0, 60) });
      continue;
    }
    const name = content.slice(0, content.search(/[;:]/)).toUpperCase();
    const value = content.slice(content.indexOf(':') + 1).trim().toUpperCase();
    if (name === 'BEGIN') {
      stack.push(value);
      if (value === 'VEVENT' && stack.length === 2) {
        current = { begin: line, properties: new Map() };
        vevents.push(current);
      }
    } else if (name === 'END') {
      const open = stack.pop();
      if (open !== value) problems.push({ line, code: 'unbalanced', detail: `END:${value}` });
      if (value === 'VEVENT') current = null;
    } else if (current && stack.length === 2 && !current.properties.has(name)) {
      current.properties.set(name, line);
    }
  }
  if (stack.length > 0) problems.push({ line: logical[logical.length - 1]?.line ?? 1, code: 'unterminated', detail: stack.join(', ') });
  return { problems, vevents };
}
