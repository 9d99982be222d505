/**
 * The approvals API's request and response shapes. Responses are allow-lists: a proposal's internal
 * columns (who edited it, whose approvals are recorded) never reach an institution's systems unless
 * a schema below names them.
 */
import { Type } from 'typebox';
import {
  ASSESSMENT_KINDS,
  DURATION_UNITS,
  KINDS,
  PARTNER_KINDS,
  RECOGNITION,
  REACH,
  SCQF_CHARACTERISTICS,
  SUPERVISION,
} from '../catalogue/index.ts';
import { PROPOSAL_ACTIONS, PROPOSAL_STATES } from './approvals-workflow.ts';
import type { AuthoringStep } from './checklist-model.ts';

const SLUG = '^[a-z0-9]+(?:-[a-z0-9]+)*$';
const MAX_TEXT = 10_000;

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

const choices = (options: readonly string[] | object): string =>
  (Array.isArray(options) ? options : Object.keys(options)).map((option) => `\`${option}\``).join(', ');

/**
 * The raw field names of each authoring step, as the workspace form names them; `n` numbers the
 * rows of a repeating group from 0. A test checks each name against the authoring model.
 */
export const FIELD_NAMES: Readonly<Record<AuthoringStep, readonly string[]>> = {
  about: ['title', 'summary', 'description', 'subjectSlug', 'keywords', 'kind', 'providerTerm'],
  outcomes: ['learningOutcomes[n].text', 'learningOutcomes[n].characteristic'],
  size: ['scqfLevel', 'scqfCredits', 'notionalHours', 'duration.kind', 'duration.amount', 'duration.unit'],
  assessment: ['assessment', 'assessmentKind', 'supervision', 'identityChecked', 'prerequisites', 'language'],
  quality: [
    'qaBody',
    'creditRatingBody',
    'recognition',
    'hasTranscript',
    'transferability',
    'stackability',
    'countsTowards',
    'nextReviewOn',
  ],
  partners: ['partners[n].name', 'partners[n].kind', 'partners[n].role', 'accreditation'],
};

/** The repeating groups: sending any row of one replaces the whole group, so rows can be removed. */
export const REPEATING_GROUPS = ['learningOutcomes', 'partners'] as const;

const FIELDS_DESCRIPTION = [
  'The proposal\'s values exactly as a person would type them into the workspace form: text, whole numbers as text ("10"), dates as "YYYY-MM-DD" and yes/no as "yes" or "no".',
  'Fields by step:',
  ...Object.entries(FIELD_NAMES).map(([step, names]) => `${step}: ${names.join(', ')}.`),
  `Choices: kind ${choices(KINDS)}; learningOutcomes[n].characteristic ${choices(SCQF_CHARACTERISTICS)};`,
  `duration.kind \`fixed\` or \`within\`; duration.unit ${choices(DURATION_UNITS)}; assessmentKind ${choices(ASSESSMENT_KINDS)};`,
  `supervision ${choices(SUPERVISION)}; recognition ${choices(RECOGNITION)}; transferability and stackability ${choices(REACH)};`,
  `partners[n].kind ${choices(PARTNER_KINDS)}. keywords are separated by commas, countsTowards by new lines.`,
  'Sending any row of learningOutcomes or partners replaces all rows of that group; any other field you leave out keeps its value, and an empty string clears one.',
].join(' ');

const FieldValue = Type.Union([
  Type.String({ maxLength: MAX_TEXT }),
  Type.Array(Type.String({ maxLength: MAX_TEXT }), { maxItems: 50 }),
]);

export const FieldValues = Type.Record(Type.String(), FieldValue, {
  maxProperties: 400,
  description: FIELDS_DESCRIPTION,
});

export const InstitutionParams = Type.Object({
  institution: Type.String({
    pattern: SLUG,
    maxLength: 200,
    description: "The institution's slug. It must be the institution the API token belongs to.",
  }),
});

export const ProposalParams = Type.Object({
  institution: InstitutionParams.properties.institution,
  id: Type.String({ format: 'uuid', description: "The proposal's id." }),
});

export const ListQuerystring = Type.Object(
  {
    state: Type.Optional(
      Type.Array(Type.Enum([...PROPOSAL_STATES]), {
        maxItems: PROPOSAL_STATES.length,
        description: 'Only proposals in these states. Repeat the parameter to choose several.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const CreateProposalBody = Type.Object(
  {
    microCredential: Type.Optional(
      Type.String({
        pattern: SLUG,
        maxLength: 200,
        description:
          'The slug of one of your published micro-credentials: the draft starts from its current version, to propose a change. Leave out to propose a new one.',
      }),
    ),
    fields: Type.Optional(FieldValues),
  },
  { additionalProperties: false },
);

export const UpdateProposalBody = Type.Object({ fields: FieldValues }, { additionalProperties: false });

/** Editing and commenting have their own routes; these are the moves between states. */
export const TRANSITION_ACTIONS = [
  'submit',
  'start-review',
  'request-changes',
  'approve',
  'publish',
  'withdraw',
  'retire',
] as const;

export const TransitionBody = Type.Object(
  {
    action: Type.Enum([...TRANSITION_ACTIONS], {
      description:
        'submit (author), start-review, request-changes and approve (reviewer; never on a proposal the token wrote or edited), publish (author, reviewer or admin), withdraw (author), retire (reviewer or admin).',
    }),
    comment: Type.Optional(
      Type.String({
        maxLength: MAX_TEXT,
        description: 'Shown to the author. Required with request-changes: say what needs to change.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const CommentBody = Type.Object(
  {
    body: Type.String({ minLength: 1, maxLength: MAX_TEXT }),
    visibility: Type.Enum(['reviewers', 'author'], {
      default: 'author',
      description:
        '`author`: everyone working on the proposal sees it. `reviewers`: only reviewers and admins. An author-only token always comments for everyone.',
    }),
  },
  { additionalProperties: false },
);

export const ProposalSummary = Type.Object({
  id: Type.String({ format: 'uuid' }),
  title: Type.String(),
  kind: Type.Enum([...KINDS]),
  state: Type.Enum([...PROPOSAL_STATES]),
  route: Type.Enum(['standard', 'streamlined'], {
    description: 'Standard or streamlined approval, settled when the proposal is submitted.',
  }),
  moduleCode: Nullable(Type.String({ description: 'Given on approval of a new micro-credential.' })),
  submittedAt: Nullable(Type.String({ format: 'date-time' })),
  dueOn: Nullable(Type.String({ format: 'date', description: 'When the review is due.' })),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const ProposalList = Type.Object({ items: Type.Array(ProposalSummary) });

/** What the hub could read from `fields`; a value that could not be read is left out and listed in `problems`. */
const Draft = Type.Object(
  {
    title: Type.Optional(Type.String()),
    summary: Type.Optional(Type.String()),
    description: Type.Optional(Type.String()),
    subjectSlug: Type.Optional(Type.String()),
    keywords: Type.Optional(Type.Array(Type.String())),
    kind: Type.Optional(Type.Enum([...KINDS])),
    providerTerm: Type.Optional(Type.String()),
    learningOutcomes: Type.Optional(
      Type.Array(Type.Object({ text: Type.String(), characteristic: Type.String() })),
    ),
    scqfLevel: Type.Optional(Nullable(Type.Integer())),
    scqfCredits: Type.Optional(Nullable(Type.Integer())),
    notionalHours: Type.Optional(Type.Integer()),
    duration: Type.Optional(
      Type.Object({ kind: Type.String(), amount: Type.Integer(), unit: Type.String() }),
    ),
    assessment: Type.Optional(Type.String()),
    assessmentKind: Type.Optional(Type.String()),
    supervision: Type.Optional(Type.String()),
    identityChecked: Type.Optional(Type.Boolean()),
    prerequisites: Type.Optional(Type.String()),
    language: Type.Optional(Type.String()),
    qaBody: Type.Optional(Type.String()),
    creditRatingBody: Type.Optional(Nullable(Type.String())),
    recognition: Type.Optional(Type.String()),
    hasTranscript: Type.Optional(Type.Boolean()),
    transferability: Type.Optional(Type.String()),
    stackability: Type.Optional(Type.String()),
    countsTowards: Type.Optional(Type.Array(Type.String())),
    nextReviewOn: Type.Optional(Nullable(Type.String({ format: 'date' }))),
    partners: Type.Optional(
      Type.Array(Type.Object({ name: Type.String(), kind: Type.String(), role: Type.String() })),
    ),
    accreditation: Type.Optional(Nullable(Type.String())),
  },
  {
    description: 'What the hub could read from `fields`; values it could not read are listed in `problems`.',
  },
);

const FieldError = Type.Object({ field: Type.String(), message: Type.String() });

export const CommentSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  authorName: Type.String(),
  body: Type.String(),
  visibility: Type.Enum(['reviewers', 'author']),
  createdAt: Type.String({ format: 'date-time' }),
});

export const ProposalDetail = Type.Object({
  ...ProposalSummary.properties,
  createdAt: Type.String({ format: 'date-time' }),
  decidedAt: Nullable(Type.String({ format: 'date-time' })),
  authorName: Type.String(),
  reviewerName: Nullable(Type.String()),
  approvals: Type.Object(
    { required: Type.Integer(), recorded: Type.Integer() },
    { description: 'Approvals this review round needs, and how many it has.' },
  ),
  fields: Type.Record(Type.String(), FieldValue, {
    description: 'The values exactly as saved, including any the hub could not read.',
  }),
  draft: Draft,
  isReady: Type.Boolean({
    description: 'The checklist passes and nothing is in `problems`: the proposal can be submitted.',
  }),
  checklist: Type.Object({
    kind: Type.Enum([...KINDS]),
    isPassed: Type.Boolean(),
    items: Type.Array(
      Type.Object({
        id: Type.String(),
        label: Type.String(),
        isMet: Type.Boolean(),
        missing: Type.Array(Type.String(), { description: 'What to fix, one plain sentence each.' }),
        step: Type.String({ description: 'The authoring step whose fields fix it.' }),
        glossaryUrl: Type.String({ description: 'The glossary entry that explains the item.' }),
      }),
    ),
  }),
  problems: Type.Array(FieldError, {
    description: 'Values that cannot be read or could not be stored, each naming its field.',
  }),
  actions: Type.Array(Type.Enum([...PROPOSAL_ACTIONS]), {
    description: 'What this token may do to the proposal now.',
  }),
  comments: Type.Array(CommentSchema, { description: 'The comments this token may see.' }),
  history: Type.Array(
    Type.Object({
      occurredAt: Type.String({ format: 'date-time' }),
      actorName: Type.String(),
      action: Type.String({ description: 'e.g. proposal.created, proposal.edited, proposal.submit.' }),
    }),
  ),
});

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    errors: Type.Optional(Type.Array(FieldError)),
  },
  { description: 'application/problem+json' },
);
