import nodemailer, { type Transporter } from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import type { Database, Db } from '../../platform/db/database.ts';
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

  async function deliver(row: { id: string; recipient: string; subject: string; body: string }) {
    if (!transport) return;
    try {
      await transport.sendMail({ from, to: row.recipient, subject: row.subject, text: row.body });
      await repository.markSent(row.id, clock());
    } catch (error) {
      const failure = error instanceof Error ? error.message : String(error);
      log?.warn({ mailId: row.id, failure }, 'mail server refused a mail; it stays in the outbox');
      await repository.markFailed(row.id, failure);
    }
  }

  return {
    async send(mail: Mail): Promise<void> {
      const row = await repository.insert({
        recipient: mail.to.toLowerCase(),
        subject: mail.subject,
        body: mail.body,
        createdAt: clock(),
      });
      await deliver(row);
    },
    /**
     * Writes mails to the outbox inside the caller's transaction, so they exist exactly when the
     * change they announce does. Hand the result to `deliver` once the transaction has committed.
     */
    async record(mails: Mail[], tx: Db) {
      return repository.insertMany(
        mails.map((mail) => ({
          recipient: mail.to.toLowerCase(),
          subject: mail.subject,
          body: mail.body,
          createdAt: clock(),
        })),
        tx,
      );
    },
    /** Sends recorded mails to the mail server, when one is configured. */
    async deliver(rows: { id: string; recipient: string; subject: string; body: string }[]) {
      for (const row of rows) await deliver(row);
    },
    latest: (limit = 50, recipient?: string) => repository.latest(limit, recipient),
    find: (id: string) => repository.find(id),
  };
}

export type Mailer = ReturnType<typeof createMailer>;
