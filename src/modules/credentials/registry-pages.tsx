import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { csrfTokenFor } from '../../platform/http/csrf.ts';
import { HttpProblem } from '../../platform/http/problems.ts';
import { LayoutArea } from '../../platform/views/layout.tsx';
import { PageHeader, type FormError } from '../../platform/views/components.tsx';
import { actorAt, type Actor } from '../accounts/index.ts';
import type { CatalogueService, Institution } from '../catalogue/index.ts';
import { sendHubPage, sendTitledPage, type TitledPageOptions } from '../site/index.ts';
import {
  CredentialsError,
  ResultValidationError,
  type CredentialsService,
  type UploadPreview,
} from './credentials-service.ts';
import type { CredentialRow } from './credentials-repository.ts';
import { resultsCsvTemplate, type RawResult } from './results-model.ts';
import { certificateName, isJobActive, plural } from './views/registry-parts.tsx';
import {
  CheckedUpload,
  EMPTY_RESULT,
  MAX_UPLOAD_BYTES,
  ResultForm,
  ResultsHub,
  UploadStart,
  formMessage,
  type ModuleChoice,
} from './views/registry-results.tsx';
import {
  CredentialDetail,
  CredentialsList,
  IssuerKeys,
  JobDetails,
  type StatusAction,
} from './views/registry-credentials.tsx';

export interface RegistryPagesOptions {
  credentials: CredentialsService;
  catalogue: CatalogueService;
  isDemo: boolean;
  publicUrl: string;
  /** The hub's notion of now, for claim links that have run out. */
  clock?: () => Date;
}

/** Registry officers record results and issue; admins may look, to oversee what the institution issues. */
const READERS = { access: { institutionRoles: ['registry', 'admin'] } } as const;
const REGISTRY = { access: { institutionRoles: ['registry'] } } as const;
const ADMINS = { access: { institutionRoles: ['admin'] } } as const;

const RECENT_RESULTS = 20;
const LATEST_JOBS = 5;
const CREDENTIALS_PER_PAGE = 50;
/**
 * The recent results table finds each result's credential among this many latest credentials: the
 * service has no lookup by result, and a result's credential is issued after it is recorded.
 */
const CREDENTIAL_WINDOW = 500;

const InstitutionParams = Type.Object({ institution: Type.String({ maxLength: 200 }) });
const JobParams = Type.Object({
  institution: Type.String({ maxLength: 200 }),
  jobId: Type.String({ format: 'uuid' }),
});
const CredentialParams = Type.Object({
  institution: Type.String({ maxLength: 200 }),
  credentialId: Type.String({ format: 'uuid' }),
});
const FormBody = Type.Record(Type.String({ maxLength: 200 }), Type.String({ maxLength: 20_000 }));
const ReasonBody = Type.Object({
  _csrf: Type.String(),
  reason: Type.Optional(Type.String({ maxLength: 20_000 })),
});
const ResultsQuery = Type.Object({
  recorded: Type.Optional(Type.String({ maxLength: 40 })),
  certificate: Type.Optional(Type.String({ maxLength: 40 })),
  job: Type.Optional(Type.String({ maxLength: 40 })),
  uploaded: Type.Optional(Type.String({ maxLength: 12 })),
});

const STATUS_ACTIONS: readonly StatusAction[] = ['revoke', 'suspend', 'unsuspend'];
const STATUS_CHANGED: Readonly<Record<string, string>> = {
  revoke:
    'The credential is revoked. The learner has been told by email, and anyone who checks it now sees that it is revoked.',
  suspend:
    'The credential is suspended. The learner has been told by email, and anyone who checks it now sees that it is suspended.',
  unsuspend: 'The suspension is lifted: the credential verifies as valid again. The learner has been told.',
  'resend-claim': 'A new claim link is on its way to the learner. The earlier link no longer works.',
};

function rawResultOf(body: Record<string, string>): RawResult {
  const value = (name: keyof RawResult) => body[name] ?? '';
  return {
    learnerEmail: value('learnerEmail'),
    learnerName: value('learnerName'),
    moduleCode: value('moduleCode'),
    offeringStart: value('offeringStart'),
    outcome: value('outcome'),
    mark: value('mark'),
    grade: value('grade'),
    diet: value('diet'),
    completedOn: value('completedOn'),
  };
}

const SIZE = `${MAX_UPLOAD_BYTES / (1024 * 1024)} MB`;

/** The text of an upload: the chosen file, else what was pasted (or carried back after a check). */
function csvOf(body: Record<string, unknown>): { text: string; isPasted: boolean } | { problem: FormError } {
  const file = body['file'];
  if (Buffer.isBuffer(file) && file.length > 0) {
    if (file.length > MAX_UPLOAD_BYTES)
      return {
        problem: {
          field: 'file',
          message: `The file is larger than ${SIZE}. Split it into smaller files and upload each one.`,
        },
      };
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(file), isPasted: false };
    } catch {
      return {
        problem: {
          field: 'file',
          message:
            "The file is not saved as UTF-8 text, so names with accents (such as Zoë) would come out wrong. In your spreadsheet choose Save As, 'CSV UTF-8 (comma delimited)', and upload that file.",
        },
      };
    }
  }
  const pasted = typeof body['csv'] === 'string' ? body['csv'] : '';
  if (Buffer.byteLength(pasted) > MAX_UPLOAD_BYTES)
    return {
      problem: {
        field: 'csv',
        message: `The pasted text is longer than ${SIZE}. Split it into smaller files and upload each one.`,
      },
    };
  if (pasted.trim() === '')
    return {
      problem: {
        field: 'file',
        message: 'Choose the CSV file of results to upload, or paste the results into the box.',
      },
    };
  return { text: pasted, isPasted: true };
}

/** Each result's live credential, else the latest revoked one that a correction replaced. */
function credentialsByResult(credentials: readonly CredentialRow[]): Map<string, CredentialRow> {
  const byResult = new Map<string, CredentialRow>();
  for (const credential of credentials) {
    if (!credential.resultId) continue;
    const known = byResult.get(credential.resultId);
    if (!known || (known.revokedAt && !credential.revokedAt)) byResult.set(credential.resultId, credential);
  }
  return byResult;
}

/**
 * The registry officer's pages in the institution workspace: record results one at a time or by
 * CSV, follow the issuing, and revoke, suspend or re-send credentials; and the admin's page of the
 * institution's issuer identity and signing keys.
 */
export async function registryPages(
  parent: FastifyInstance,
  { credentials, catalogue, isDemo, publicUrl, clock = () => new Date() }: RegistryPagesOptions,
) {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();

  function contextOf(request: FastifyRequest): { institution: Institution; actor: Actor; base: string } {
    // The access check has already found the institution named in the address.
    const { institution, principal } = request;
    if (!institution || !principal)
      throw new HttpProblem(404, 'Page not found', 'There is nothing at this address.');
    return {
      institution,
      actor: actorAt(principal, institution.id),
      base: `/workspace/${institution.slug}`,
    };
  }

  const page = (request: FastifyRequest, reply: FastifyReply, options: TitledPageOptions) =>
    sendTitledPage(request, reply, { isDemo, publicUrl }, options);

  /** Breadcrumbs from the workspace home, through the results page unless the page is that. */
  const crumbs = (institution: Institution, ...rest: { href?: string; label: string }[]) => [
    { href: `/workspace/${institution.slug}`, label: institution.name },
    ...rest,
  ];
  const underResults = (institution: Institution, ...rest: { href?: string; label: string }[]) =>
    crumbs(
      institution,
      { href: `/workspace/${institution.slug}/results`, label: 'Results and credentials' },
      ...rest,
    );

  async function moduleChoices(institutionId: string): Promise<ModuleChoice[]> {
    const [offerings, published] = await Promise.all([
      catalogue.listOfferingsByCode(institutionId),
      catalogue.listPublishedOf(institutionId),
    ]);
    const titles = new Map(published.map((item) => [item.id, item.title]));
    const byCode = new Map<string, ModuleChoice>();
    for (const offering of offerings) {
      if (!offering.code) continue;
      const choice = byCode.get(offering.code) ?? {
        code: offering.code,
        title: titles.get(offering.microCredentialId) ?? offering.slug,
        starts: [],
      };
      choice.starts.push(offering.startsOn);
      byCode.set(offering.code, choice);
    }
    return [...byCode.values()];
  }

  // ---- Results and credentials: the hub page -----------------------------------------------

  app.get(
    '/workspace/:institution/results',
    { config: READERS, schema: { hide: true, params: InstitutionParams, querystring: ResultsQuery } },
    async (request, reply) => {
      const { institution, actor, base } = contextOf(request);
      const [resultCount, jobs, results, offerings, latestCredentials] = await Promise.all([
        credentials.countResults(institution.id),
        credentials.jobsOf(institution.id, LATEST_JOBS),
        credentials.recentResults(institution.id, RECENT_RESULTS),
        catalogue.listOfferingsByCode(institution.id),
        credentials.credentialsOfInstitution(institution.id, CREDENTIAL_WINDOW),
      ]);
      const codes = new Map(offerings.map((offering) => [offering.microCredentialId, offering.code]));
      const byResult = credentialsByResult(latestCredentials);
      return page(request, reply, {
        title: 'Results and credentials',
        label: institution.name,
        breadcrumbs: crumbs(institution, { label: 'Results and credentials' }),
        children: (
          <ResultsHub
            base={base}
            notice={request.query}
            canRecord={actor.roles.includes('registry')}
            resultCount={resultCount}
            jobs={jobs}
            results={results.map((result) => ({
              result,
              moduleCode: codes.get(result.microCredentialId) ?? null,
              credential: byResult.get(result.id),
            }))}
            now={clock()}
          />
        ),
      });
    },
  );

  app.get(
    '/workspace/:institution/results/template.csv',
    { config: REGISTRY, schema: { hide: true, params: InstitutionParams } },
    async (_request, reply) =>
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="results-template.csv"')
        .send(resultsCsvTemplate()),
  );

  // ---- One result, by form -----------------------------------------------------------------

  async function resultFormPage(
    request: FastifyRequest,
    reply: FastifyReply,
    options: { values?: RawResult; errors?: FormError[] } = {},
  ) {
    const { institution, base } = contextOf(request);
    const errors = options.errors ?? [];
    return page(request, reply, {
      title: errors.length > 0 ? 'Error: Record a result' : 'Record a result',
      label: institution.name,
      status: errors.length > 0 ? 400 : 200,
      breadcrumbs: underResults(institution, { label: 'Record a result' }),
      children: (
        <>
          <p>
            A passed credit-rated module earns a certificate of study; an attended small qualification a
            certificate of attendance. The learner gets an email to claim it. For many results at once,{' '}
            <a href={`${base}/results/upload`}>upload a CSV file</a>.
          </p>
          <ResultForm
            action={`${base}/results/new`}
            csrfToken={csrfTokenFor(reply)}
            modules={await moduleChoices(institution.id)}
            values={options.values ?? EMPTY_RESULT}
            errors={errors}
          />
        </>
      ),
    });
  }

  app.get(
    '/workspace/:institution/results/new',
    { config: REGISTRY, schema: { hide: true, params: InstitutionParams } },
    async (request, reply) => resultFormPage(request, reply),
  );

  app.post(
    '/workspace/:institution/results/new',
    { config: REGISTRY, schema: { hide: true, params: InstitutionParams, body: FormBody } },
    async (request, reply) => {
      const { institution, actor, base } = contextOf(request);
      const values = rawResultOf(request.body);
      try {
        const recorded = await credentials.recordResult(institution, actor, values);
        const query = new URLSearchParams({
          recorded: recorded.change,
          certificate: recorded.change === 'unchanged' ? 'none' : (recorded.certificate ?? 'none'),
        });
        if (recorded.jobId) query.set('job', recorded.jobId);
        return reply.redirect(`${base}/results?${query.toString()}`, 303);
      } catch (error) {
        if (!(error instanceof ResultValidationError)) throw error;
        const errors = error.problems.map((problem) => ({
          field: problem.field ?? 'learnerEmail',
          message: formMessage(problem.message),
        }));
        return resultFormPage(request, reply, { values, errors });
      }
    },
  );

  // ---- Many results, by CSV ----------------------------------------------------------------

  function uploadPage(
    request: FastifyRequest,
    reply: FastifyReply,
    options: { errors?: FormError[]; pasted?: string; preview?: UploadPreview; checkedCsv?: string } = {},
  ) {
    const { institution, base } = contextOf(request);
    const { preview } = options;
    const problems = preview?.problems ?? [];
    const rowsWithProblems = new Set(problems.map((problem) => problem.row)).size;
    const errors: FormError[] = [
      ...(options.errors ?? []),
      ...(preview?.fileProblem ? [{ field: 'file', message: preview.fileProblem }] : []),
      ...(problems.length > 0
        ? [
            {
              field: 'problems',
              message: `${plural(rowsWithProblems, 'row has', 'rows have')} problems, listed below. Fix them in the file and check it again: nothing has been recorded.`,
            },
          ]
        : []),
    ];
    const csrfToken = csrfTokenFor(reply);
    const isReady = preview !== undefined && options.checkedCsv !== undefined && errors.length === 0;
    const title = isReady ? 'Check the results before recording them' : 'Upload results';
    return page(request, reply, {
      title: errors.length > 0 ? `Error: ${title}` : title,
      label: institution.name,
      status: errors.length > 0 ? 400 : 200,
      breadcrumbs: underResults(institution, { label: 'Upload results' }),
      children:
        isReady && options.checkedCsv !== undefined ? (
          <CheckedUpload base={base} preview={preview} csv={options.checkedCsv} csrfToken={csrfToken} />
        ) : (
          <UploadStart
            base={base}
            csrfToken={csrfToken}
            errors={errors}
            problems={problems}
            pasted={options.pasted ?? ''}
          />
        ),
    });
  }

  app.get(
    '/workspace/:institution/results/upload',
    { config: REGISTRY, schema: { hide: true, params: InstitutionParams } },
    async (request, reply) => uploadPage(request, reply),
  );

  app.post(
    '/workspace/:institution/results/upload',
    {
      // A file or pasted text over the limit arrives cut short rather than refused, so that the
      // page (not a bare error) says so: the form is read before the access check runs.
      config: {
        ...REGISTRY,
        multipartOptions: {
          throwFileSizeLimit: false,
          limits: { fileSize: MAX_UPLOAD_BYTES + 1, fieldSize: MAX_UPLOAD_BYTES + 1 },
        },
      },
      schema: { hide: true, params: InstitutionParams },
    },
    async (request, reply) => {
      const { institution, actor, base } = contextOf(request);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const isApply = body['intent'] === 'apply';
      const source = csvOf(body);
      if ('problem' in source)
        return uploadPage(request, reply, {
          errors: [source.problem],
          pasted: typeof body['csv'] === 'string' && !isApply ? body['csv'] : '',
        });
      // Pasted (or carried back) text stays in the box, to be fixed there; a file is fixed and chosen again.
      const pasted = source.isPasted ? source.text : '';

      if (!isApply) {
        const preview = await credentials.previewCsv(institution, source.text);
        return uploadPage(request, reply, { preview, checkedCsv: source.text, pasted });
      }

      const outcome = await credentials.applyCsv(institution, actor, source.text);
      if (!outcome.applied)
        return uploadPage(request, reply, {
          preview: outcome.preview,
          errors: [
            {
              field: 'problems',
              message: 'The results changed since the file was checked; nothing has been recorded.',
            },
          ],
          pasted,
        });
      if (outcome.jobId) return reply.redirect(`${base}/issuance/${outcome.jobId}`, 303);
      const recorded = outcome.preview.counts.new + outcome.preview.counts.corrected;
      return reply.redirect(`${base}/results?uploaded=${recorded === 0 ? 'nothing' : recorded}`, 303);
    },
  );

  // ---- Issuing progress --------------------------------------------------------------------

  app.get(
    '/workspace/:institution/issuance/:jobId',
    {
      config: READERS,
      schema: {
        hide: true,
        params: JobParams,
        querystring: Type.Object({ refresh: Type.Optional(Type.String({ maxLength: 10 })) }),
      },
    },
    async (request, reply) => {
      const { institution, base } = contextOf(request);
      const job = await credentials.findJob(request.params.jobId);
      if (!job || job.institutionId !== institution.id)
        throw new HttpProblem(404, 'Page not found', 'There is no such batch of certificates here.');
      const isRefreshing = isJobActive(job) && request.query.refresh !== 'off';
      const title = 'Issuing certificates';
      return sendHubPage(reply, {
        title,
        currentPath: request.url,
        isDemo,
        publicUrl,
        breadcrumbs: underResults(institution, { label: 'Issuing' }),
        // Works without JavaScript; only while there is progress to show, and the page offers to stop it.
        ...(isRefreshing ? { head: <meta http-equiv="refresh" content="2" /> } : {}),
        children: (
          <>
            <LayoutArea area="header">
              <PageHeader title={title} label={institution.name} />
            </LayoutArea>
            <LayoutArea area="content">
              <JobDetails job={job} base={base} isRefreshing={isRefreshing} />
            </LayoutArea>
          </>
        ),
      });
    },
  );

  // ---- Issued credentials ------------------------------------------------------------------

  app.get(
    '/workspace/:institution/credentials',
    {
      config: READERS,
      schema: {
        hide: true,
        params: InstitutionParams,
        querystring: Type.Object({ page: Type.Optional(Type.String({ pattern: '^[0-9]{1,6}$' })) }),
      },
    },
    async (request, reply) => {
      const { institution, base } = contextOf(request);
      const current = Math.max(1, Number(request.query.page ?? '1'));
      // One more than a page tells whether there is a next one.
      const found = await credentials.credentialsOfInstitution(
        institution.id,
        CREDENTIALS_PER_PAGE + 1,
        (current - 1) * CREDENTIALS_PER_PAGE,
      );
      return page(request, reply, {
        title: 'Issued credentials',
        label: institution.name,
        breadcrumbs: underResults(institution, { label: 'Issued credentials' }),
        children: (
          <CredentialsList
            base={base}
            credentials={found.slice(0, CREDENTIALS_PER_PAGE)}
            page={current}
            hasNext={found.length > CREDENTIALS_PER_PAGE}
            now={clock()}
          />
        ),
      });
    },
  );

  async function credentialPage(
    request: FastifyRequest,
    reply: FastifyReply,
    credentialId: string,
    options: {
      errors?: FormError[];
      reasons?: Partial<Record<StatusAction, string>>;
      status?: number;
      notice?: string | undefined;
    } = {},
  ) {
    const { institution, actor, base } = contextOf(request);
    const credential = await credentials.findCredential(credentialId);
    if (!credential || credential.institutionId !== institution.id)
      throw new HttpProblem(404, 'Page not found', 'There is no such credential at this institution.');
    const errors = options.errors ?? [];
    return page(request, reply, {
      title: errors.length > 0 ? `Error: ${credential.title}` : credential.title,
      label: certificateName(credential.kind),
      status: options.status ?? (errors.length > 0 ? 400 : 200),
      breadcrumbs: underResults(
        institution,
        { href: `${base}/credentials`, label: 'Issued credentials' },
        { label: credential.learnerName ?? 'Credential' },
      ),
      children: (
        <CredentialDetail
          credential={credential}
          base={base}
          canChange={actor.roles.includes('registry')}
          csrfToken={csrfTokenFor(reply)}
          errors={errors}
          reasons={options.reasons ?? {}}
          notice={options.notice}
          now={clock()}
        />
      ),
    });
  }

  app.get(
    '/workspace/:institution/credentials/:credentialId',
    {
      config: READERS,
      schema: {
        hide: true,
        params: CredentialParams,
        querystring: Type.Object({ changed: Type.Optional(Type.String({ maxLength: 20 })) }),
      },
    },
    async (request, reply) => {
      const { changed } = request.query;
      return credentialPage(request, reply, request.params.credentialId, {
        notice: changed && Object.hasOwn(STATUS_CHANGED, changed) ? STATUS_CHANGED[changed] : undefined,
      });
    },
  );

  for (const action of STATUS_ACTIONS) {
    app.post(
      `/workspace/:institution/credentials/:credentialId/${action}`,
      { config: REGISTRY, schema: { hide: true, params: CredentialParams, body: ReasonBody } },
      async (request, reply) => {
        const { institution, actor, base } = contextOf(request);
        const { credentialId } = request.params;
        const reason = request.body.reason ?? '';
        try {
          await credentials.changeStatus(institution, actor, credentialId, action, reason);
        } catch (error) {
          if (!(error instanceof CredentialsError)) throw error;
          if (error.status === 404) throw new HttpProblem(404, 'Page not found', error.message);
          return credentialPage(request, reply, credentialId, {
            errors: [
              {
                field: error.field === 'reason' ? `${action}-reason` : 'status-actions',
                message: error.message,
              },
            ],
            reasons: { [action]: reason },
            status: error.status,
          });
        }
        return reply.redirect(`${base}/credentials/${credentialId}?changed=${action}`, 303);
      },
    );
  }

  app.post(
    '/workspace/:institution/credentials/:credentialId/resend-claim',
    { config: REGISTRY, schema: { hide: true, params: CredentialParams, body: ReasonBody } },
    async (request, reply) => {
      const { institution, base } = contextOf(request);
      const { credentialId } = request.params;
      try {
        await credentials.resendClaim(institution, credentialId);
      } catch (error) {
        if (!(error instanceof CredentialsError)) throw error;
        if (error.status === 404) throw new HttpProblem(404, 'Page not found', error.message);
        return credentialPage(request, reply, credentialId, {
          errors: [{ field: 'status-actions', message: error.message }],
          status: error.status,
        });
      }
      return reply.redirect(`${base}/credentials/${credentialId}?changed=resend-claim`, 303);
    },
  );

  // ---- Issuer identity and keys ------------------------------------------------------------

  app.get(
    '/workspace/:institution/keys',
    {
      config: ADMINS,
      schema: {
        hide: true,
        params: InstitutionParams,
        querystring: Type.Object({ rotated: Type.Optional(Type.String({ maxLength: 10 })) }),
      },
    },
    async (request, reply) => {
      const { institution, base } = contextOf(request);
      return page(request, reply, {
        title: 'Issuer identity and signing keys',
        label: institution.name,
        breadcrumbs: crumbs(institution, { label: 'Issuer identity and keys' }),
        children: (
          <IssuerKeys
            base={base}
            institution={institution}
            did={credentials.issuerDid(institution)}
            keys={await credentials.keys.keysOf(institution.id)}
            csrfToken={csrfTokenFor(reply)}
            isRotated={request.query.rotated === '1'}
          />
        ),
      });
    },
  );

  app.post(
    '/workspace/:institution/keys/rotate',
    {
      config: ADMINS,
      schema: { hide: true, params: InstitutionParams, body: Type.Object({ _csrf: Type.String() }) },
    },
    async (request, reply) => {
      const { institution, actor, base } = contextOf(request);
      await credentials.rotateKey(institution, actor);
      return reply.redirect(`${base}/keys?rotated=1`, 303);
    },
  );
}
