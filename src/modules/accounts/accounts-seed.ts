import type { AccountsService, InstitutionDirectory } from './accounts-service.ts';
import { ROLE_DESCRIPTIONS, type InstitutionRole } from './accounts-model.ts';

/**
 * Published in the README so that anyone trying the demo can sign in: these accounts must never
 * exist in production, which is why config turns SEED_DEMO_ACCOUNTS off there whatever it says.
 */
export const DEMO_PASSWORD = 'demo-password-2026';

/** Two real institutions of the demo catalogue, one of each kind: the first university and the first college by name. */
export const DEMO_ACCOUNT_INSTITUTIONS = {
  slugA: 'abertay-university',
  slugB: 'argyll-college-uhi',
} as const;

export interface DemoAccount {
  email: string;
  name: string;
  /** The institution's name, or null for accounts that belong to none. */
  institution: string | null;
  /** The roles in words, e.g. "Reviewer (quality assurance)". */
  roles: string;
  /** False when the account was already there and was left as it was. */
  isNew: boolean;
}

export interface DemoAccountsResult {
  accounts: DemoAccount[];
  /** Why some accounts were not created, in plain words. */
  skipped: string[];
}

const SEED_ACTOR = { id: 'system', name: 'Demo accounts (development seed)' };

// A second reviewer, because the approval story needs one reviewer to request changes and another to approve.
const INSTITUTION_PEOPLE: { local: string; title: string; role: InstitutionRole }[] = [
  { local: 'author', title: 'Author', role: 'author' },
  { local: 'reviewer', title: 'Reviewer', role: 'reviewer' },
  { local: 'reviewer2', title: 'Second Reviewer', role: 'reviewer' },
  { local: 'registry', title: 'Registry Officer', role: 'registry' },
  { local: 'admin', title: 'Admin', role: 'admin' },
];

/** 'abertay-university' gives 'abertay', 'university-of-the-west-of-scotland' gives 'west'. */
function shortNameOf(slug: string): string {
  const generic = new Set(['university', 'college', 'of', 'the', 'uhi', 'and', 'school', 'royal']);
  return slug.split('-').find((word) => !generic.has(word)) ?? slug;
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * Creates the demo accounts that are missing: five people at each of two institutions (author,
 * two reviewers, registry officer, admin), a learner and a sector administrator, all verified and
 * sharing DEMO_PASSWORD. Existing addresses are left exactly as they are, so running it again
 * changes nothing and never undoes what someone did with a demo account.
 */
export async function seedDemoAccounts(
  services: { accounts: AccountsService; catalogue: InstitutionDirectory },
  institutions: { slugA: string; slugB: string } = DEMO_ACCOUNT_INSTITUTIONS,
): Promise<DemoAccountsResult> {
  const { accounts } = services;
  const result: DemoAccountsResult = { accounts: [], skipped: [] };
  const found: { id: string; slug: string; name: string }[] = [];
  for (const slug of [institutions.slugA, institutions.slugB]) {
    const institution = await services.catalogue.findInstitution(slug);
    if (institution) found.push(institution);
    else
      result.skipped.push(`No institution '${slug}' in this database: its demo accounts were not created.`);
  }
  // Without the demo catalogue this is not a demo database: a learner and a sector administrator
  // with a published password would be the only accounts, so none are made.
  if (found.length === 0) {
    result.skipped.push(
      'The demo catalogue is not loaded, so no demo accounts were created. Load it with `npm run seed`.',
    );
    return result;
  }

  async function ensure(email: string, name: string): Promise<{ id: string } | undefined> {
    if (await accounts.findUserByEmail(email)) return undefined;
    return accounts.createUser({ name, email, password: DEMO_PASSWORD, isEmailVerified: true });
  }

  for (const institution of found) {
    const short = shortNameOf(institution.slug);
    for (const person of INSTITUTION_PEOPLE) {
      const email = `${person.local}@${short}.demo.scot`;
      const name = `${capitalised(short)} ${person.title}`;
      const created = await ensure(email, name);
      if (created)
        await accounts.grantRoles(
          { userId: created.id, institutionId: institution.id },
          [person.role],
          SEED_ACTOR,
        );
      result.accounts.push({
        email,
        name,
        institution: institution.name,
        roles: ROLE_DESCRIPTIONS[person.role].label,
        isNew: created !== undefined,
      });
    }
  }

  const learner = await ensure('learner@demo.scot', 'Demo Learner');
  result.accounts.push({
    email: 'learner@demo.scot',
    name: 'Demo Learner',
    institution: null,
    roles: 'Learner (no institution roles)',
    isNew: learner !== undefined,
  });
  const sectorAdmin = await ensure('sector-admin@demo.scot', 'Demo Sector Admin');
  if (sectorAdmin) await accounts.grantSectorAdmin(sectorAdmin.id, SEED_ACTOR.id);
  result.accounts.push({
    email: 'sector-admin@demo.scot',
    name: 'Demo Sector Admin',
    institution: null,
    roles: 'Sector administrator',
    isNew: sectorAdmin !== undefined,
  });
  return result;
}

/** The accounts as a plain-text table for a terminal, with the shared password. */
export function formatDemoAccounts(result: DemoAccountsResult): string[] {
  const rows = [
    ['email', 'institution', 'roles'],
    ...result.accounts.map((account) => [account.email, account.institution ?? '-', account.roles]),
  ];
  const widths = [0, 1].map((column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return [
    `Demo accounts (development only), all with the password ${DEMO_PASSWORD}:`,
    ...rows.map(
      (row) =>
        `  ${(row[0] ?? '').padEnd(widths[0] ?? 0)}  ${(row[1] ?? '').padEnd(widths[1] ?? 0)}  ${row[2] ?? ''}`,
    ),
  ];
}
