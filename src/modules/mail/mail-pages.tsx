import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { InsetText } from '../../platform/views/components.tsx';
import { notFound } from '../../platform/http/problems.ts';
import { sendTitledPage } from '../site/index.ts';
import type { Mailer } from './mail-service.ts';

const when = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Europe/London',
});

/** Turns the addresses in a plain-text mail into links, so that a developer can follow them. */
function MailBody({ body }: { body: string }) {
  const parts = body.split(/(https?:\/\/[^\s]+)/g);
  return (
    <pre class="hub_mail-body">
      {parts.map((part, index) => (index % 2 === 1 ? <a href={part}>{part}</a> : part))}
    </pre>
  );
}

/**
 * The development outbox: every mail the hub has sent, newest first. Never available in
 * production, where mail goes to the mail server.
 */
export async function mailPages(
  app: FastifyInstance,
  { mailer, isDemo, publicUrl }: { mailer: Mailer; isDemo: boolean; publicUrl: string },
) {
  const site = { isDemo, publicUrl };
  app.get(
    '/dev/outbox',
    {
      config: { access: 'development' },
      schema: {
        hide: true,
        querystring: Type.Object({ to: Type.Optional(Type.String({ maxLength: 320 })) }),
      },
    },
    async (request, reply) => {
      const { to } = request.query as { to?: string };
      const mails = await mailer.latest(100, to || undefined);
      return sendTitledPage(request, reply, site, {
        title: 'Outbox',
        label: 'Development',
        children: (
          <>
            <InsetText>
              Mail the hub has sent, newest first. Outside production, mail stays here unless a mail server is
              set with <code>SMTP_URL</code>.
            </InsetText>
            {mails.length === 0 ? (
              <p>No mail yet.</p>
            ) : (
              <ol class="ds_no-bullets" data-testid="outbox">
                {mails.map((mail) => (
                  <li key={mail.id} class="hub_mail" data-testid="outbox-mail">
                    <h2 class="ds_h3">
                      <a href={`/dev/outbox/${mail.id}`}>{mail.subject}</a>
                    </h2>
                    <p class="ds_hint-text">
                      To {mail.recipient}, {when.format(mail.createdAt)}
                    </p>
                  </li>
                ))}
              </ol>
            )}
          </>
        ),
      });
    },
  );

  app.get(
    '/dev/outbox/:id',
    {
      config: { access: 'development' },
      schema: { hide: true, params: Type.Object({ id: Type.String({ format: 'uuid' }) }) },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const mail = await mailer.find(id);
      if (!mail) throw notFound('That mail');
      return sendTitledPage(request, reply, site, {
        title: mail.subject,
        label: `To ${mail.recipient}`,
        breadcrumbs: [{ href: '/dev/outbox', label: 'Outbox' }],
        children: (
          <>
            <p class="ds_hint-text">Sent {when.format(mail.createdAt)}</p>
            <MailBody body={mail.body} />
          </>
        ),
      });
    },
  );
}
