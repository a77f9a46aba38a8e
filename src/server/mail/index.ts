/** The mailer the configuration asks for. */
import type { MailConfig } from '../config.js';
import type { Mailer } from './mailer.js';
import { OutboxMailer } from './outbox-mailer.js';
import { SmtpMailer } from './smtp-mailer.js';

export function createMailer(config: MailConfig): Mailer {
  if (config.transport === 'smtp') return new SmtpMailer(config.smtpUrl!, config.from);
  return new OutboxMailer(config.outboxDir, config.from);
}
