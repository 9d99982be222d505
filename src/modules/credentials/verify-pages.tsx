import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { csrfTokenFor } from '../../platform/http/csrf.ts';
import { createSafeFetcher, type SafeFetchResult } from '../../platform/net/safe-fetch.ts';
import type { FormError } from '../../platform/views/components.tsx';
import { sendTitledPage } from '../site/index.ts';
import { credentialJsonFromPdf } from './certificate-pdf.ts';
import type { CredentialsService } from './credentials-service.ts';
import type { VerificationReport } from './verification.ts';
import { VerifyForm } from './views/verify-form.tsx';
import { VerifyResult } from './views/verify-result.tsx';

export interface VerifyPagesOptions {
  credentials: CredentialsService;
  isDemo: boolean;
  publicUrl: string;
  /** Lets `?url=` reach private addresses over plain http: tests and local development only. */
  allowPrivateAddresses: boolean;
}

/** A certificate PDF is tens of kilobytes and a credential a few; anything near this is not one. */
export const MAX_VERIFY_FILE_BYTES = 2 * 1024 * 1024;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PDF_MAGIC = Buffer.from('%PDF-');

const VerifyQuery = Type.Object({
  credential: Type.Optional(Type.String({ maxLength: 200 })),
  url: Type.Optional(Type.String({ maxLength: 2000 })),
});

/**
 * Fetches a credential published elsewhere. The address comes from anyone on the internet, so it
 * goes through the safe fetcher (no private addresses, timeouts, size cap). No cache: visitors
 * choose the addresses, and a cache they can fill is memory they control.
 */
export function credentialFetcher(options: { allowPrivateAddresses: boolean }) {
  const fetcher = createSafeFetcher({
    allowPrivateAddresses: options.allowPrivateAddresses,
    allowHttp: options.allowPrivateAddresses,
    cacheTtlMs: 0,
  });
  return (url: string): Promise<SafeFetchResult> => fetcher.fetchJson(url);
}

/**
 * Why a text is not JSON, with where to look: the line and column JSON.parse stopped at, when it
 * says. Never repeats the text itself.
 */
export function describeJsonProblem(text: string, error: unknown): string {
  const start = /\S/.exec(text);
  if (start && start[0] !== '{' && start[0] !== '[') {
    const { line, column } = lineAndColumn(text, start.index);
    return `The text is not a credential: it starts with “${start[0]}” at line ${line}, column ${column}, but a credential starts with {. Copy the whole credential, from the first { to the last }.`;
  }
  const message = error instanceof Error ? error.message : String(error);
  const at = / in JSON at position (\d+)/.exec(message);
  if (at) {
    const { line, column } = lineAndColumn(text, Number(at[1]));
    const reason = message.slice(0, at.index);
    return `The text is not valid JSON: ${reason.charAt(0).toLowerCase()}${reason.slice(1)} at line ${line}, column ${column}. Check that spot for a missing or extra comma, quote or bracket, or copy the credential again.`;
  }
  if (/Unexpected end of JSON input/.test(message)) {
    const { line } = lineAndColumn(text, text.length);
    return `The text is not valid JSON: it stops at line ${line} before the credential is complete. Copy the whole credential again, up to the last }.`;
  }
  const token = /Unexpected token '(.)'/.exec(message)?.[1];
  return token
    ? `The text is not valid JSON: it has an unexpected “${token}” that is not inside quotes. Check for a missing quote or comma, or copy the credential again.`
    : 'The text is not valid JSON. Copy the whole credential again, from the first { to the last }.';
}

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

type Parsed = { ok: true; document: unknown } | { ok: false; message: string };

function parseJson(text: string): Parsed {
  const withoutBom = text.replace(/^\uFEFF/, '');
  try {
    return { ok: true, document: JSON.parse(withoutBom) as unknown };
  } catch (error) {
    return { ok: false, message: describeJsonProblem(withoutBom, error) };
  }
}

async function readUpload(
  file: Buffer,
): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  if (file.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) {
    const embedded = await credentialJsonFromPdf(file);
    return embedded === null
      ? {
          ok: false,
          message:
            'This PDF has no credential inside it. Upload the PDF certificate as downloaded from the hub, or the credential’s .json file.',
        }
      : { ok: true, text: embedded };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(file) };
  } catch {
    return {
      ok: false,
      message:
        'The file is neither a PDF nor a text file. Upload the credential’s .json file or a PDF certificate.',
    };
  }
}

/** The public page where anyone checks a credential: pasted, uploaded, or by its address. */
export async function verifyPages(
  parent: FastifyInstance,
  { credentials, isDemo, publicUrl, allowPrivateAddresses }: VerifyPagesOptions,
) {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const fetchCredential = credentialFetcher({ allowPrivateAddresses });
  const breadcrumbs = [{ href: '/', label: 'Home' }, { label: 'Verify a credential' }];

  function sendForm(
    request: FastifyRequest,
    reply: FastifyReply,
    options: {
      errors?: FormError[];
      values?: { credential?: string; url?: string };
      status?: number;
      notFound?: boolean;
    } = {},
  ) {
    const errors = options.errors ?? [];
    return sendTitledPage(
      request,
      reply,
      { isDemo, publicUrl },
      {
        title: errors.length > 0 ? 'Error: Verify a credential' : 'Verify a credential',
        breadcrumbs,
        status: options.status ?? (errors.length > 0 ? 400 : 200),
        children: (
          <VerifyForm
            csrfToken={csrfTokenFor(reply)}
            errors={errors}
            values={options.values ?? {}}
            maxFileBytes={MAX_VERIFY_FILE_BYTES}
            notFound={options.notFound ?? false}
          />
        ),
      },
    );
  }

  function sendResult(
    request: FastifyRequest,
    reply: FastifyReply,
    report: VerificationReport,
    source: string,
  ) {
    return sendTitledPage(
      request,
      reply,
      { isDemo, publicUrl },
      {
        title: 'Verification result',
        breadcrumbs: [
          { href: '/', label: 'Home' },
          { href: '/verify', label: 'Verify a credential' },
          { label: 'Result' },
        ],
        children: <VerifyResult report={report} source={source} />,
      },
    );
  }

  /** A hub verification link pasted into the address box: check it directly, without fetching. */
  function ownCredentialLink(url: string): string | null {
    try {
      const parsed = new URL(url);
      const own = new URL(publicUrl);
      if (parsed.origin !== own.origin || parsed.pathname !== '/verify') return null;
      return parsed.searchParams.get('credential');
    } catch {
      return null;
    }
  }

  app.get(
    '/verify',
    { config: { access: 'public' }, schema: { hide: true, querystring: VerifyQuery } },
    async (request, reply) => {
      const { credential: credentialParam, url } = request.query;

      if (credentialParam !== undefined) {
        const id = credentialParam
          .trim()
          .toLowerCase()
          .replace(/^urn:uuid:/, '');
        const row = UUID.test(id) ? await credentials.findCredential(id) : null;
        // Until the learner claims it, a credential is between them and the institution.
        if (!row || row.claimedAt === null) return sendForm(request, reply, { status: 404, notFound: true });
        const report = await credentials.verify(JSON.parse(row.signedJson) as unknown);
        return sendResult(request, reply, report, `the credential urn:uuid:${row.id}, as the hub issued it`);
      }

      if (url !== undefined) {
        const address = url.trim();
        if (!address)
          return sendForm(request, reply, {
            errors: [
              { field: 'url', message: 'Enter the web address of the credential, starting with https://' },
            ],
          });
        const own = ownCredentialLink(address);
        if (own !== null) return reply.redirect(`/verify?credential=${encodeURIComponent(own)}`, 303);
        const fetched = await fetchCredential(address);
        if (!fetched.ok)
          return sendForm(request, reply, {
            errors: [
              {
                field: 'url',
                message: `The hub could not fetch a credential from that address. ${fetched.reason} Check the address, or download the credential and upload the file instead.`,
              },
            ],
            values: { url: address },
          });
        return sendResult(
          request,
          reply,
          await credentials.verify(fetched.body),
          `the credential at ${fetched.url}`,
        );
      }

      return sendForm(request, reply);
    },
  );

  app.post(
    '/verify',
    {
      config: { access: 'public', multipartOptions: { limits: { fileSize: MAX_VERIFY_FILE_BYTES } } },
      schema: { hide: true },
      // A file over the limit is refused while the form is read, before the handler runs.
      errorHandler: (error: FastifyError, request, reply) => {
        if (error.code !== 'FST_REQ_FILE_TOO_LARGE') throw error;
        return sendForm(request, reply, {
          errors: [
            {
              field: 'file',
              message: `The file is larger than ${MAX_VERIFY_FILE_BYTES / (1024 * 1024)} MB, so it is not a credential or a hub certificate. Upload the credential’s .json file or the PDF certificate.`,
            },
          ],
        });
      },
    },
    async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const pasted = typeof body['credential'] === 'string' ? body['credential'] : '';
      const file = Buffer.isBuffer(body['file']) ? body['file'] : null;

      if (file && file.length > 0) {
        const upload = await readUpload(file);
        const parsed = upload.ok ? parseJson(upload.text) : upload;
        if (!parsed.ok)
          return sendForm(request, reply, { errors: [{ field: 'file', message: parsed.message }] });
        const isPdf = file.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC);
        return sendResult(
          request,
          reply,
          await credentials.verify(parsed.document),
          isPdf ? 'the credential inside the PDF certificate you uploaded' : 'the file you uploaded',
        );
      }

      if (!pasted.trim()) {
        return sendForm(request, reply, {
          errors: request.isMultipart()
            ? [{ field: 'file', message: 'Choose a credential file (.json) or a PDF certificate to upload' }]
            : [{ field: 'credential', message: 'Paste the credential text, from the first { to the last }' }],
        });
      }
      const parsed = parseJson(pasted);
      if (!parsed.ok)
        return sendForm(request, reply, {
          errors: [{ field: 'credential', message: parsed.message }],
          values: { credential: pasted },
        });
      return sendResult(request, reply, await credentials.verify(parsed.document), 'the text you pasted');
    },
  );
}
