// Requests answered by a dedicated worker, with the same function as a stand-in in this thread.

export interface WorkerLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
  terminate(): void;
}

export interface WorkerCalls<Request, Answer> {
  call(request: Request): Promise<Answer>;
  /** Stops the work under way (the worker is ended; the next call starts another) and rejects every waiting call. */
  abort(): void;
}

interface Envelope<T> {
  id: number;
  body: T;
}

/**
 * Calls answered by a worker built on `answerInWorker(answer)`. Where the worker cannot be made or fails
 * (a shell or platform without module workers), the waiting calls and every later one are answered by
 * `answer` in this thread instead: slower, never wrong. Requests are copied to the worker, never
 * transferred, so a failed worker's requests can still be answered here.
 */
export function workerCalls<Request, Answer>(createWorker: () => WorkerLike, answer: (request: Request) => Promise<Answer>): WorkerCalls<Request, Answer> {
  let worker: WorkerLike | null | 'failed' = null;
  let nextId = 0;
  const waiting = new Map<number, { request: Request; resolve: (answer: Answer) => void; reject: (error: unknown) => void }>();

  const fallBack = () => {
    if (worker && worker !== 'failed') worker.terminate();
    worker = 'failed';
    for (const [id, call] of waiting) {
      waiting.delete(id);
      answer(call.request).then(call.resolve, call.reject);
    }
  };

  const start = (): WorkerLike | 'failed' => {
    if (worker) return worker;
    try {
      const created = createWorker();
      created.addEventListener('message', ({ data }: MessageEvent<Envelope<Answer>>) => {
        const call = waiting.get(data.id);
        waiting.delete(data.id);
        call?.resolve(data.body);
      });
      created.addEventListener('error', fallBack);
      created.addEventListener('messageerror', fallBack);
      worker = created;
    } catch {
      worker = 'failed';
    }
    return worker;
  };

  return {
    call(request) {
      const current = start();
      if (current === 'failed') return answer(request);
      return new Promise<Answer>((resolve, reject) => {
        const id = ++nextId;
        waiting.set(id, { request, resolve, reject });
        current.postMessage({ id, body: request } satisfies Envelope<Request>);
      });
    },
    abort() {
      if (worker && worker !== 'failed') {
        worker.terminate();
        worker = null;
      }
      for (const [id, call] of waiting) {
        waiting.delete(id);
        call.reject(new DOMException('The work was cancelled', 'AbortError'));
      }
    },
  };
}

/**
 * The worker's side: answers each request with `answer`, tagged for its caller. A failure is thrown out of
 * the worker, where it ends it: the caller's side then answers in its own thread, and its failure is the
 * caller's to see.
 */
export function answerInWorker<Request, Answer>(answer: (request: Request) => Promise<Answer>): void {
  const scope = self as unknown as { onmessage: ((event: MessageEvent<Envelope<Request>>) => void) | null; postMessage(message: Envelope<Answer>): void };
  scope.onmessage = ({ data }) => {
    answer(data.body).then(
      (body) => scope.postMessage({ id: data.id, body }),
      (error: unknown) => setTimeout(() => {
        throw error;
      }),
    );
  };
}
