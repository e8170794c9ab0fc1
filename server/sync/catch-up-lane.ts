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

  constructor(private readonly width: number) {}

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
