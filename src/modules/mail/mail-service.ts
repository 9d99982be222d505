import nodemailer, { type Transporter } from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../platform/db/database.ts';
import { createMailRepository } from './mail-repository.ts';

export interface Mail {
  to: string;
  subject: string;
  /** Plain text: every mail client shows it, and links stay readable. */
  body: string;
}

export interface MailerOptions {
  database: Database;
  smtpUrl: string | undefined;
  from: string;
  clock: () => Date;
  log?: FastifyBaseLogger | undefined;
}

/**
 * Writes every mail to the outbox, then hands it to the mail server when one is configured. A mail
 * server failure is recorded on the outbox row, never thrown: a submitted proposal must not be lost
 * because a notification could not be delivered.
 */
export function createMailer({ database, smtpUrl, from, clock, log }: MailerOptions) {
  const repository = createMailRepository(database);
  const transport: Transporter | undefined = smtpUrl ? nodemailer.createTransport(smtpUrl) : undefined;

  return {
    async send(mail: Mail): Promise<void> {
      const row = await repository.insert({
        recipient: mail.to.toLowerCase(),
        subject: mail.subject,
        body: mail.body,
        createdAt: clock(),
      });
      if (!transport) return;
      try {
        await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.body });
        await repository.markSent(row.id, clock());
      } catch (error) {
        const failure = error instanceof Error ? error.message : String(error);
        log?.warn({ mailId: row.id, failure }, 'mail server refused a mail; it stays in the outbox');
        await repository.markFailed(row.id, failure);
      }
    },
    latest: (limit = 50, recipient?: string) => repository.latest(limit, recipient),
    find: (id: string) => repository.find(id),
  };
}

export type Mailer = ReturnType<typeof createMailer>;
