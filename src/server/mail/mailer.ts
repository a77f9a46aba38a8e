/**
 * Outgoing e-mail. Two transports: `outbox` (each mail a JSON file in a folder; development and tests)
 * and `smtp`. Use cases hand mails to a `MailQueue`, which sends in the background so that an answer
 * never waits for (or reveals by its timing) a mail. Mail content holds tokens: it is never logged.
 */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  readonly kind: 'outbox' | 'smtp';
  send(mail: OutgoingMail): Promise<void>;
}

/** Sends in the background; `idle()` waits for everything handed over so far (tests, shutdown). */
export class MailQueue {
  private readonly pending = new Set<Promise<void>>();

  constructor(
    readonly mailer: Mailer,
    /** Called when a mail could not be sent; gets no mail content (tokens, addresses). */
    private readonly onError: (err: unknown) => void = (err) => console.error(`Een e-mail kon niet worden verzonden: ${describeError(err)}`),
  ) {}

  enqueue(mail: OutgoingMail): void {
    this.enqueueComposed(async () => mail);
  }

  /**
   * Composes the mail in the background too, and sends it unless `compose` gives null: work whose
   * duration would reveal something (such as whether an account exists) stays out of the answer.
   */
  enqueueComposed(compose: () => Promise<OutgoingMail | null>): void {
    // After the current answer is on its way (setImmediate runs once the pending callbacks are done).
    const p: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
      .then(compose)
      .then((mail) => (mail ? this.mailer.send(mail) : undefined))
      .catch((err: unknown) => this.onError(err))
      .finally(() => this.pending.delete(p));
    this.pending.add(p);
  }

  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }
}

/** Name and code of an error, not its message (an SMTP answer may quote addresses). */
export function describeError(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return `${err.name}${typeof code === 'string' ? ` (${code})` : ''}`;
  }
  return 'onbekende fout';
}
