/**
 * Who someone is to the hub and what they may do: roles per institution, the sector administrator,
 * institution API tokens, and the access decision every route goes through. Pure: no I/O.
 */
import type { Access, AccessDecision } from '../../platform/http/access.ts';
import type { FieldError } from '../catalogue/catalogue-model.ts';

export const INSTITUTION_ROLES = ['author', 'reviewer', 'registry', 'admin'] as const;
export type InstitutionRole = (typeof INSTITUTION_ROLES)[number];

export const ROLE_DESCRIPTIONS: Readonly<Record<InstitutionRole, { label: string; description: string }>> = {
  author: {
    label: 'Author',
    description: 'Describes micro-credentials, submits them for approval, manages offerings',
  },
  reviewer: {
    label: 'Reviewer (quality assurance)',
    description: 'Reviews proposals, comments, requests changes and approves',
  },
  registry: { label: 'Registry officer', description: 'Records results and issues credentials' },
  admin: {
    label: 'Institution admin',
    description: 'Manages members, invitations, API tokens and approval settings',
  },
};

export function isInstitutionRole(value: string): value is InstitutionRole {
  return (INSTITUTION_ROLES as readonly string[]).includes(value);
}

export interface InstitutionMembership {
  institutionId: string;
  institutionSlug: string;
  institutionName: string;
  roles: InstitutionRole[];
}

export type Principal =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      userId: string;
      name: string;
      email: string;
      isSectorAdmin: boolean;
      memberships: InstitutionMembership[];
    }
  | { kind: 'token'; tokenId: string; name: string; institutionId: string; roles: InstitutionRole[] };

/** Someone acting at one institution: the id recorded in audit events and compared for self-approval. */
export interface Actor {
  id: string;
  name: string;
  roles: InstitutionRole[];
}

export const ANONYMOUS: Principal = { kind: 'anonymous' };

export function rolesAt(principal: Principal, institutionId: string): InstitutionRole[] {
  if (principal.kind === 'user')
    return (
      principal.memberships.find((membership) => membership.institutionId === institutionId)?.roles ?? []
    );
  if (principal.kind === 'token' && principal.institutionId === institutionId) return principal.roles;
  return [];
}

export function actorAt(principal: Principal, institutionId: string): Actor {
  if (principal.kind === 'user')
    return { id: principal.userId, name: principal.name, roles: rolesAt(principal, institutionId) };
  if (principal.kind === 'token')
    return {
      id: `token:${principal.tokenId}`,
      name: `API token "${principal.name}"`,
      roles: rolesAt(principal, institutionId),
    };
  return { id: 'anonymous', name: 'Anonymous', roles: [] };
}

function listOfRoles(roles: readonly string[]): string {
  const labels = roles.map((role) =>
    isInstitutionRole(role) ? ROLE_DESCRIPTIONS[role].label.toLowerCase() : role,
  );
  return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} or ${labels.at(-1)}`;
}

export interface AccessContext {
  /** The institution named in the route, when the route names one: null when no such institution exists. */
  institution?: { id: string; name: string } | null;
  isProduction: boolean;
}

/**
 * The one place that decides whether a principal may use a route. Outsiders get `not-found` for
 * anything inside an institution, so they cannot even learn which drafts or members exist.
 */
export function decideAccess(principal: Principal, access: Access, context: AccessContext): AccessDecision {
  if (access === 'public') return { outcome: 'allow' };
  if (access === 'development') return context.isProduction ? { outcome: 'not-found' } : { outcome: 'allow' };
  if (access === 'signed-in')
    return principal.kind === 'user' ? { outcome: 'allow' } : { outcome: 'sign-in' };
  if (access === 'sector-admin') {
    if (principal.kind !== 'user') return { outcome: 'sign-in' };
    return principal.isSectorAdmin
      ? { outcome: 'allow' }
      : {
          outcome: 'forbidden',
          reason: 'Only sector administrators can do this. Ask the hub team if you need to.',
        };
  }
  if ('tokenRoles' in access) {
    // No institution in the path: a token acts for its own institution, and only a token will do.
    if (principal.kind !== 'token') return { outcome: 'sign-in' };
    if (principal.roles.some((role) => access.tokenRoles.includes(role))) return { outcome: 'allow' };
    return {
      outcome: 'forbidden',
      reason: `This API token is not scoped to the ${listOfRoles(access.tokenRoles)} role. Create a token with that role.`,
    };
  }
  const institution = context.institution;
  if (principal.kind === 'anonymous')
    return institution === null ? { outcome: 'not-found' } : { outcome: 'sign-in' };
  if (!institution) return { outcome: 'not-found' };
  const roles = rolesAt(principal, institution.id);
  if (roles.length === 0) return { outcome: 'not-found' };
  if (roles.some((role) => access.institutionRoles.includes(role))) return { outcome: 'allow' };
  return {
    outcome: 'forbidden',
    reason:
      principal.kind === 'token'
        ? `This API token is not scoped to the ${listOfRoles(access.institutionRoles)} role. Create a token with that role.`
        : `You need the ${listOfRoles(access.institutionRoles)} role at ${institution.name} to do this. Ask your institution's admin to grant it.`,
  };
}

export const MIN_PASSWORD_LENGTH = 10;

/** What we check before better-auth sees a new account, so that each field gets its own message. */
export function validateNewAccount(input: {
  name: string;
  email: string;
  password: string;
  confirmPassword: string;
}): FieldError[] {
  const errors: FieldError[] = [];
  if (input.name.trim().length === 0) errors.push({ field: 'name', message: 'Enter your full name' });
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email.trim()))
    errors.push({
      field: 'email',
      message: 'Enter an email address in the correct format, like name@example.com',
    });
  return [...errors, ...validateNewPassword(input.password, input.confirmPassword)];
}

export function validateNewPassword(password: string, confirmPassword: string): FieldError[] {
  const errors: FieldError[] = [];
  if (password.length < MIN_PASSWORD_LENGTH)
    errors.push({
      field: 'password',
      message: `Enter a password of at least ${MIN_PASSWORD_LENGTH} characters. Three random words make a strong one`,
    });
  else if (password.length > 128)
    errors.push({ field: 'password', message: 'Enter a password of 128 characters or fewer' });
  if (confirmPassword !== password)
    errors.push({ field: 'confirmPassword', message: 'Enter the same password twice' });
  return errors;
}
