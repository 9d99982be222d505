import type { FastifyInstance } from 'fastify';
import type { ApprovalsService } from './approvals-service.ts';
import type { CatalogueService } from '../catalogue/index.ts';

export interface ApprovalsPagesOptions {
  approvals: ApprovalsService;
  catalogue: CatalogueService;
  isDemo: boolean;
  publicUrl: string;
}

export async function approvalsPages(_app: FastifyInstance, _options: ApprovalsPagesOptions) {}
