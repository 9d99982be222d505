export { createApprovalsService, ApprovalsError, type ApprovalsService } from './approvals-service.ts';
export { approvalsPages } from './approvals-pages.tsx';
export { approvalsApi } from './approvals-api.ts';
