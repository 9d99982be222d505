import type { InstitutionRole } from '../../src/modules/accounts/index.ts';
import type { Institution, NewInstitution } from '../../src/modules/catalogue/catalogue-repository.ts';
import type { HubServer } from './hub-server.ts';

/** Everyone the browser tests make shares this password: they type it into /sign-in like anyone. */
export const E2E_PASSWORD = 'correct horse battery staple';

export interface Person {
  name: string;
  email: string;
  password: string;
  userId: string;
}

/**
 * A college of the tests' own beside the demo catalogue's 45, so that module codes start at
 * NC0001 and no demo course of the institution gets in the way.
 */
export function northCollege(overrides: Partial<NewInstitution> = {}): NewInstitution {
  return {
    slug: 'north-college',
    name: 'North College',
    kind: 'college',
    region: 'Highlands and Islands',
    website: null,
    summary: 'North College is an institution made for the browser tests.',
    codePrefix: 'NC',
    isDemo: false,
    ...overrides,
  };
}

export async function addInstitution(hub: HubServer, institution: NewInstitution): Promise<Institution> {
  const [created] = await hub.services.catalogue.addInstitutions([institution]);
  if (!created) throw new Error(`The institution ${institution.slug} was not created`);
  return created;
}

let counter = 0;

/**
 * A member of staff with a confirmed address and the given roles at an institution. Staff join by
 * invitation, which needs an admin first; the tests start from here instead, as a sector
 * administrator's setup would, and then sign in through the sign-in page like anyone.
 */
export async function addStaff(
  hub: HubServer,
  options: { name: string; institution: Institution; roles: InstitutionRole[] },
): Promise<Person> {
  counter += 1;
  const email = `${options.name.toLowerCase().replace(/[^a-z]+/g, '.')}.${counter}@north-college.example`;
  const user = await hub.services.accounts.createUser({
    name: options.name,
    email,
    password: E2E_PASSWORD,
    isEmailVerified: true,
  });
  await hub.services.accounts.grantRoles(
    { userId: user.id, institutionId: options.institution.id },
    options.roles,
    { id: 'system', name: 'Browser test setup' },
  );
  return { name: user.name, email: user.email, password: E2E_PASSWORD, userId: user.id };
}
