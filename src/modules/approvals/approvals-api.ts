import type { FastifyInstance } from 'fastify';
import type { ApprovalsService } from './approvals-service.ts';
import type { CatalogueService } from '../catalogue/index.ts';

export interface ApprovalsApiOptions {
  approvals: ApprovalsService;
  catalogue: CatalogueService;
}

export async function approvalsApi(_app: FastifyInstance, _options: ApprovalsApiOptions) {}
