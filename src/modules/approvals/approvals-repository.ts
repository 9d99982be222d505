import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Db } from '../../platform/db/database.ts';
import { approvalSettings, proposalComments, proposals } from './approvals-tables.ts';
import type { ApprovalRoute, ProposalState } from './approvals-workflow.ts';
import type { DraftValues } from './authoring-model.ts';

export interface Proposal {
  id: string;
  institutionId: string;
  microCredentialId: string | null;
  baseVersionId: string | null;
  title: string;
  kind: 'micro-credential' | 'small-qualification';
  state: ProposalState;
  route: ApprovalRoute;
  requiredApprovals: 1 | 2;
  approverIds: string[];
  authorId: string;
  contributorIds: string[];
  reviewerId: string | null;
  draft: DraftValues;
  submittedAt: Date | null;
  dueOn: string | null;
  decidedAt: Date | null;
  approvedVersionId: string | null;
  moduleCode: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface Comment {
  id: string;
  proposalId: string;
  authorId: string;
  authorName: string;
  body: string;
  visibility: 'reviewers' | 'author';
  createdAt: Date;
}

export interface ApprovalSettings {
  requiresSecondApprover: boolean;
  reviewDays: number;
}

const toProposal = (row: typeof proposals.$inferSelect): Proposal => row as Proposal;

export function createApprovalsRepository(database: Database) {
  const { db } = database;
  return {
    async insert(values: Omit<Proposal, 'id' | 'createdAt' | 'updatedAt'>, tx: Db = db): Promise<Proposal> {
      const [row] = await tx.insert(proposals).values(values).returning();
      if (!row) throw new Error('Insert returned no row');
      return toProposal(row);
    },
    async find(id: string, institutionId: string, tx: Db = db): Promise<Proposal | undefined> {
      const [row] = await tx
        .select()
        .from(proposals)
        .where(and(eq(proposals.id, id), eq(proposals.institutionId, institutionId)));
      return row ? toProposal(row) : undefined;
    },
    /** Reads and holds the row until the transaction ends, so two decisions cannot cross. */
    async findForUpdate(id: string, institutionId: string, tx: Db): Promise<Proposal | undefined> {
      const [row] = await tx
        .select()
        .from(proposals)
        .where(and(eq(proposals.id, id), eq(proposals.institutionId, institutionId)))
        .for('update');
      return row ? toProposal(row) : undefined;
    },
    async update(
      id: string,
      changes: Partial<Omit<Proposal, 'id' | 'institutionId'>>,
      tx: Db = db,
    ): Promise<void> {
      await tx.update(proposals).set(changes).where(eq(proposals.id, id));
    },
    async listOf(institutionId: string, states?: ProposalState[]): Promise<Proposal[]> {
      const rows = await db
        .select()
        .from(proposals)
        .where(
          states
            ? and(eq(proposals.institutionId, institutionId), inArray(proposals.state, states))
            : eq(proposals.institutionId, institutionId),
        )
        .orderBy(desc(proposals.updatedAt));
      return rows.map(toProposal);
    },
    async lockChangesOf(microCredentialId: string, tx: Db): Promise<void> {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`changes:${microCredentialId}`}))`);
    },
    async openChangeOf(microCredentialId: string, tx: Db = db): Promise<Proposal | undefined> {
      const [row] = await tx
        .select()
        .from(proposals)
        .where(
          and(
            eq(proposals.microCredentialId, microCredentialId),
            inArray(proposals.state, ['draft', 'submitted', 'in-review', 'changes-requested', 'approved']),
          ),
        );
      return row ? toProposal(row) : undefined;
    },
    async insertComment(
      values: Omit<Comment, 'id' | 'createdAt'> & { createdAt: Date },
      tx: Db = db,
    ): Promise<Comment> {
      const [row] = await tx.insert(proposalComments).values(values).returning();
      if (!row) throw new Error('Insert returned no row');
      return row as Comment;
    },
    async commentsOf(proposalId: string): Promise<Comment[]> {
      const rows = await db
        .select()
        .from(proposalComments)
        .where(eq(proposalComments.proposalId, proposalId))
        .orderBy(asc(proposalComments.createdAt));
      return rows as Comment[];
    },
    async settingsOf(institutionId: string, tx: Db = db): Promise<ApprovalSettings> {
      const [row] = await tx
        .select()
        .from(approvalSettings)
        .where(eq(approvalSettings.institutionId, institutionId));
      return row ?? { requiresSecondApprover: false, reviewDays: 10 };
    },
    async saveSettings(institutionId: string, settings: ApprovalSettings): Promise<void> {
      await db
        .insert(approvalSettings)
        .values({ institutionId, ...settings })
        .onConflictDoUpdate({ target: approvalSettings.institutionId, set: settings });
    },
  };
}

export type ApprovalsRepository = ReturnType<typeof createApprovalsRepository>;
