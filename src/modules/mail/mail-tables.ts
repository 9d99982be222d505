import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Every mail the hub sends is written here first. In development this is the whole delivery (read at
 * /dev/outbox); with SMTP_URL set, each row is also handed to the mail server and marked sent.
 */
export const outbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    failure: text('failure'),
  },
  (table) => [index('mail_outbox_recipient').on(table.recipient, table.createdAt)],
);
