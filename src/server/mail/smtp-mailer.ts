/** Production: mail over SMTP (nodemailer), e.g. SMTP_URL=smtp://user:pass@host:587 (STARTTLS) or smtps://…:465. */
import { createTransport } from 'nodemailer';
import type { Mailer, OutgoingMail } from './mailer.js';

export class SmtpMailer implements Mailer {
  readonly kind = 'smtp';
  private readonly transport: ReturnType<typeof createTransport>;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    // No logger, no debug: the SMTP dialogue would contain the mail (with its token) and the credentials.
    this.transport = createTransport(smtpUrl);
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transport.sendMail({ from: this.from, to: mail.to, subject: mail.subject, text: mail.text });
  }

  close(): void {
    this.transport.close();
  }
}
