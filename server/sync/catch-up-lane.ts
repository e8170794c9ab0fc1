/**
 * Pages of a device catching up (a new laptop's first pull, one back after weeks) are the server's bulk
 * work: thousands of records each. Taken all at once they hold every pooled connection and the event loop,
 * and the pushes and short pulls of the devices already in step queue behind them (issue 11: the first
 * pulls of a Monday morning set the p95 of everyone's sync). Only `width` such pages are built at a time;
 * the others wait their turn, in arrival order, while everything else goes by.
 */
export class CatchUpLane {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  /** Devices whose last page was full (more to come), with the cursor that page ended at; oldest first. */
  private readonly behind = new Map<string, number>();

  constructor(
    private readonly width: number,
    private readonly remembered = 10_000,
  ) {}

  /**
   * A pull from scratch, or the next page of a pull whose last page was full. (Not the seq gap: seqs count
   * the whole country's changes, so a device a few seconds behind is thousands of seqs behind but has a
   * handful of records to fetch.) A device whose pages go to several server processes may skip the lane on
   * some; only the order of work differs.
   */
  isCatchingUp(deviceId: string, cursor: number): boolean {
    return cursor === 0 || this.behind.get(deviceId) === cursor;
  }

  /** What a page answered: `cursor` is where the device will ask from next. */
  noteAnswered(deviceId: string, cursor: number, hasMore: boolean): void {
    this.behind.delete(deviceId);
    if (!hasMore) return;
    this.behind.set(deviceId, cursor);
    if (this.behind.size > this.remembered) this.behind.delete(this.behind.keys().next().value!);
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.width) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await work();
    } finally {
      // The permit passes straight to the next in line, so a newcomer cannot overtake it.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  /** Pages waiting for their turn (for tests and the server's health figures). */
  get queued(): number {
    return this.waiting.length;
  }
}
