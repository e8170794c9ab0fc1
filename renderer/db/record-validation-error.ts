/** A record that does not match its schema: the field paths with their (Thai) messages. */
export class RecordValidationError extends Error {
  constructor(
    readonly table: string,
    readonly issues: { path: string; message: string }[],
  ) {
    super(issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '));
    this.name = 'RecordValidationError';
  }
}
