import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { HttpProblem, notFound } from '../../platform/http/problems.ts';
import { actorAt } from '../accounts/index.ts';
import type { CatalogueService } from '../catalogue/index.ts';
import type { CredentialsService } from './credentials-service.ts';
import { createVcApiService, VcApiError } from './vc-api-issuance.ts';

export interface VcApiOptions {
  credentials: CredentialsService;
  catalogue: CatalogueService;
  publicUrl: string;
  clock: () => Date;
}

const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
  },
  { description: 'application/problem+json; `errors` names each field and how to fix it' },
);

const AnyDocument = (description: string) => Type.Object({}, { additionalProperties: true, description });

const Purpose = Type.Union([Type.Literal('revocation'), Type.Literal('suspension')]);

const IssueBody = Type.Object(
  {
    credential: AnyDocument(
      "A VC Data Model 2.0 credential, unsigned. `issuer` must be your institution's did:web (`did:web:<hub>:issuers:<slug>`) or the did:key of its active signing key (both are in `/issuers/<slug>/did.json`). Every term must be defined by its `@context`: the hub signs only with contexts it holds, plus inline context objects.",
    ),
    options: Type.Optional(
      Type.Object(
        {
          credentialId: Type.Optional(
            Type.String({
              maxLength: 2000,
              description:
                'An id to refer to a credential that has no `id` of its own (POST /credentials/status).',
            }),
          ),
          credentialStatus: Type.Optional(
            Type.Object(
              {
                type: Type.Literal('BitstringStatusListEntry'),
                statusPurpose: Type.Optional(
                  Type.Union([Purpose, Type.Array(Purpose, { minItems: 1, maxItems: 2 })], {
                    description: 'Which entries to add; revocation when left out.',
                  }),
                ),
              },
              { additionalProperties: false },
            ),
          ),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

const VerifyOptions = Type.Object(
  {
    checks: Type.Optional(
      Type.Array(Type.String(), {
        description: 'Accepted for compatibility; the hub always makes every check it can.',
      }),
    ),
    expectedProofPurpose: Type.Optional(Type.String()),
    domain: Type.Optional(Type.String()),
    challenge: Type.Optional(Type.String()),
  },
  {
    // The VC API lets implementations add options; unknown ones are ignored rather than refused.
    additionalProperties: true,
  },
);

const Check = Type.Object({
  name: Type.String(),
  label: Type.String(),
  state: Type.Union([Type.Literal('passed'), Type.Literal('failed'), Type.Literal('not-checked')]),
  message: Type.String(),
});

const VerificationResult = Type.Object(
  {
    verified: Type.Boolean(),
    verdict: Type.String({
      description:
        'valid, tampered, revoked, suspended, expired, not-yet-valid, unknown-issuer or malformed: the one outcome the hub’s verification page shows.',
    }),
    checks: Type.Array(Type.String(), {
      description: 'The checks made: structure, proof, issuer, credentialStatus, validityPeriod.',
    }),
    warnings: Type.Array(Type.String()),
    errors: Type.Array(Type.String()),
    results: Type.Array(Check, { description: 'Each check, in plain words.' }),
  },
  { description: 'The VC API verification result' },
);

const PresentationResult = Type.Object({
  verified: Type.Boolean(),
  checks: Type.Array(Type.String(), { description: 'The checks made: structure, proof, credentials.' }),
  warnings: Type.Array(Type.String()),
  errors: Type.Array(Type.String()),
  credentialResults: Type.Array(VerificationResult, { description: 'One result per embedded credential.' }),
});

const StatusBody = Type.Object(
  {
    credentialId: Type.String({
      minLength: 1,
      maxLength: 2000,
      description: 'The credential’s id as issued (`urn:uuid:…`, the bare uuid, or its other URL).',
    }),
    credentialStatus: Type.Object(
      {
        type: Type.String({ description: 'BitstringStatusListEntry' }),
        statusPurpose: Purpose,
        id: Type.Optional(Type.String()),
        statusListIndex: Type.Optional(Type.String()),
        statusListCredential: Type.Optional(Type.String()),
      },
      { additionalProperties: false },
    ),
    status: Type.Optional(
      Type.Boolean({
        description:
          'true revokes or suspends; false lifts a suspension. Left out, it means true. Revocation cannot be undone.',
      }),
    ),
    reason: Type.Optional(
      Type.String({ maxLength: 500, description: 'Recorded in the audit trail; a default names the token.' }),
    ),
  },
  { additionalProperties: false },
);

const StatusResult = Type.Object({
  credentialId: Type.String(),
  credentialStatus: Type.Object({ type: Type.String(), statusPurpose: Purpose }),
  status: Type.Boolean(),
});

function toProblem(error: unknown): unknown {
  if (!(error instanceof VcApiError)) return error;
  const titles = { 400: 'Bad request', 404: 'Not found', 409: 'Conflict' } as const;
  return new HttpProblem(error.status, titles[error.status], error.message, error.problems);
}

/**
 * The W3C VC API (w3c-ccg/vc-api): issuing for an institution's own systems, and verifying for
 * anyone. Its paths are fixed by the standard, so they name no institution: an issuing token acts
 * for its own. Shapes and status codes follow what the W3C test suites check
 * (docs/vc-api-conformance-notes.md).
 */
export async function vcApi(
  parent: FastifyInstance,
  { credentials, catalogue, publicUrl, clock }: VcApiOptions,
) {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const service = createVcApiService({ credentials, publicUrl, clock });
  const tags = ['VC API'];
  const security = [{ bearerAuth: [] }];
  const REGISTRY_TOKENS = { access: { tokenRoles: ['registry'] } } as const;

  // Clients of the VC API may label JSON-LD as such; it is JSON all the same.
  app.addContentTypeParser(
    ['application/ld+json', 'application/vc+ld+json', 'application/vp+ld+json'],
    { parseAs: 'string' },
    app.getDefaultJsonParser('error', 'error'),
  );

  async function tokenInstitution(request: FastifyRequest) {
    const { principal } = request;
    if (principal?.kind !== 'token')
      throw new Error('The access check lets only API tokens reach an issuing route of the VC API');
    const [institution] = await catalogue.institutionsByIds([principal.institutionId]);
    if (!institution) throw notFound('The institution of this API token');
    return { institution, actor: actorAt(principal, institution.id) };
  }

  async function mapped<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw toProblem(error);
    }
  }

  app.post(
    '/credentials/issue',
    {
      config: REGISTRY_TOKENS,
      schema: {
        tags,
        security,
        summary: 'Issue a credential',
        description:
          'Signs the credential with a Data Integrity proof (`eddsa-rdfc-2022`, proof purpose assertionMethod) as the issuer it names, stores it byte-exact, and answers 201 with `{ verifiableCredential }`. Needs an API token with the registry role. A credential that is not well formed, or has a term its contexts do not define (JSON-LD safe mode), is refused with 400 naming the field; nothing is issued. `options.credentialStatus` adds Bitstring Status List entries (revocation, and suspension when asked).',
        body: IssueBody,
        response: {
          201: Type.Object({ verifiableCredential: AnyDocument('The signed credential, exactly as stored') }),
          400: Problem,
          401: Problem,
          403: Problem,
          409: Problem,
        },
      },
    },
    async (request, reply) => {
      const { institution, actor } = await tokenInstitution(request);
      const { credential, options } = request.body;
      const signedJson = await mapped(() => service.issue(institution, actor, credential, options));
      // Sent as stored, byte for byte: what the hub keeps is exactly what the issuer gets. Fastify
      // sends a string as it is; the schema above still describes it in the OpenAPI document.
      const body = `{"verifiableCredential":${signedJson}}` as unknown as { verifiableCredential: object };
      return reply.code(201).type('application/json').send(body);
    },
  );

  app.post(
    '/credentials/verify',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Verify a credential',
        description:
          'Checks structure, the Data Integrity proof, the issuer, Bitstring Status List status and validity dates. 200 with `verified: true` when all pass; 400 with `verified: false` and the reasons in `errors` otherwise (a malformed or missing proof, a proof purpose other than `options.expectedProofPurpose`, tampering, revocation, suspension, expiry, an issuer unknown to the hub).',
        body: Type.Object(
          { verifiableCredential: AnyDocument('A signed credential'), options: Type.Optional(VerifyOptions) },
          { additionalProperties: false },
        ),
        response: { 200: VerificationResult, 400: Type.Union([VerificationResult, Problem]) },
      },
    },
    async (request, reply) => {
      const result = await service.verifyCredential(request.body.verifiableCredential, request.body.options);
      return reply.code(result.verified ? 200 : 400).send(result);
    },
  );

  app.post(
    '/presentations/verify',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Verify a presentation',
        description:
          "Checks the presentation's structure, its proof when it has one (Data Integrity `eddsa-rdfc-2022`, proof purpose authentication, with `options.challenge` and `options.domain` when given), and each embedded credential as POST /credentials/verify does. 200 with `verified: true`, or 400 with `verified: false`.",
        body: Type.Object(
          { verifiablePresentation: AnyDocument('A presentation'), options: Type.Optional(VerifyOptions) },
          { additionalProperties: false },
        ),
        response: { 200: PresentationResult, 400: Type.Union([PresentationResult, Problem]) },
      },
    },
    async (request, reply) => {
      const result = await service.verifyPresentation(
        request.body.verifiablePresentation,
        request.body.options,
      );
      return reply.code(result.verified ? 200 : 400).send(result);
    },
  );

  app.post(
    '/credentials/status',
    {
      config: REGISTRY_TOKENS,
      schema: {
        tags,
        security,
        summary: 'Revoke, suspend or reinstate a credential',
        description:
          "Changes one status of a credential your institution issued, on its Bitstring Status List, which is re-signed at once. Needs an API token with the registry role. Another institution's credential is not found (404). Asking for the state a credential is already in changes nothing and answers 200.",
        body: StatusBody,
        response: { 200: StatusResult, 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request) => {
      const { institution, actor } = await tokenInstitution(request);
      return mapped(() => service.setStatus(institution, actor, request.body));
    },
  );

  app.post(
    '/status-lists/:listId/publish',
    {
      // Signing costs a key decryption: only the institution's systems may ask for it.
      config: REGISTRY_TOKENS,
      schema: {
        tags,
        summary: 'Publish a status list',
        description:
          'For the Bitstring Status List test suite. The hub re-signs a list as soon as a status changes, so this only makes sure the list is signed, and changes nothing. 204.',
        params: Type.Object({ listId: Type.String({ format: 'uuid' }) }),
        response: { 204: Type.Null(), 401: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const { institution } = await tokenInstitution(request);
      await mapped(() => service.publishStatusList(institution, request.params.listId));
      return reply.code(204).send(null);
    },
  );
}
