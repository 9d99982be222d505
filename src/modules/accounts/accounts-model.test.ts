import { describe, expect, it } from 'vitest';
import type { Access, AccessDecision } from '../../platform/http/access.ts';
import {
  decideAccess,
  validateNewAccount,
  type AccessContext,
  type InstitutionRole,
  type Principal,
} from './accounts-model.ts';

const northCollege = { id: 'institution-north', name: 'North College' };
const southCollege = { id: 'institution-south', name: 'South College' };

function user(options: { roles?: [string, InstitutionRole[]][]; isSectorAdmin?: boolean } = {}): Principal {
  return {
    kind: 'user',
    userId: 'user-1',
    name: 'Morag Campbell',
    email: 'morag@example.ac.uk',
    isSectorAdmin: options.isSectorAdmin ?? false,
    memberships: (options.roles ?? []).map(([institutionId, roles]) => ({
      institutionId,
      institutionSlug: institutionId,
      institutionName: institutionId,
      roles,
    })),
  };
}

function token(institutionId: string, roles: InstitutionRole[]): Principal {
  return { kind: 'token', tokenId: 'token-1', name: 'Student records', institutionId, roles };
}

const principals = {
  anonymous: { kind: 'anonymous' },
  'a learner (no roles)': user(),
  'an author at North College': user({ roles: [[northCollege.id, ['author']]] }),
  'registry staff at North College': user({ roles: [[northCollege.id, ['registry']]] }),
  'an author at South College only': user({ roles: [[southCollege.id, ['author']]] }),
  'a sector admin': user({ isSectorAdmin: true }),
  "North College's token with the author role": token(northCollege.id, ['author']),
  "North College's token with the registry role only": token(northCollege.id, ['registry']),
  "South College's token with the author role": token(southCollege.id, ['author']),
} satisfies Record<string, Principal>;

type PrincipalName = keyof typeof principals;
type Outcome = AccessDecision['outcome'];

const AUTHORS: Access = { institutionRoles: ['author'] };

/** Written by hand from the rules in access.ts and accounts-model.ts, not derived from the code. */
const expected: Record<
  PrincipalName,
  {
    public: Outcome;
    'signed-in': Outcome;
    'sector-admin': Outcome;
    development: Outcome;
    authorsAtNorth: Outcome;
  }
> = {
  anonymous: {
    public: 'allow',
    'signed-in': 'sign-in',
    'sector-admin': 'sign-in',
    development: 'allow',
    authorsAtNorth: 'sign-in',
  },
  'a learner (no roles)': {
    public: 'allow',
    'signed-in': 'allow',
    'sector-admin': 'forbidden',
    development: 'allow',
    authorsAtNorth: 'not-found',
  },
  'an author at North College': {
    public: 'allow',
    'signed-in': 'allow',
    'sector-admin': 'forbidden',
    development: 'allow',
    authorsAtNorth: 'allow',
  },
  'registry staff at North College': {
    public: 'allow',
    'signed-in': 'allow',
    'sector-admin': 'forbidden',
    development: 'allow',
    authorsAtNorth: 'forbidden',
  },
  'an author at South College only': {
    public: 'allow',
    'signed-in': 'allow',
    'sector-admin': 'forbidden',
    development: 'allow',
    authorsAtNorth: 'not-found',
  },
  'a sector admin': {
    public: 'allow',
    'signed-in': 'allow',
    'sector-admin': 'allow',
    development: 'allow',
    authorsAtNorth: 'not-found',
  },
  // Tokens reach only the API, where pages for signed-in people are not on offer.
  "North College's token with the author role": {
    public: 'allow',
    'signed-in': 'sign-in',
    'sector-admin': 'sign-in',
    development: 'allow',
    authorsAtNorth: 'allow',
  },
  "North College's token with the registry role only": {
    public: 'allow',
    'signed-in': 'sign-in',
    'sector-admin': 'sign-in',
    development: 'allow',
    authorsAtNorth: 'forbidden',
  },
  "South College's token with the author role": {
    public: 'allow',
    'signed-in': 'sign-in',
    'sector-admin': 'sign-in',
    development: 'allow',
    authorsAtNorth: 'not-found',
  },
};

const outside: AccessContext = { isProduction: false };
const atNorth: AccessContext = { institution: northCollege, isProduction: false };

describe('decideAccess', () => {
  const names = Object.keys(principals) as PrincipalName[];

  for (const name of names) {
    const principal: Principal = principals[name];
    const outcomes = expected[name];
    describe(`for ${name}`, () => {
      it(`a public route is ${outcomes.public}`, () => {
        expect(decideAccess(principal, 'public', outside).outcome).toBe(outcomes.public);
      });
      it(`a route for signed-in people is ${outcomes['signed-in']}`, () => {
        expect(decideAccess(principal, 'signed-in', outside).outcome).toBe(outcomes['signed-in']);
      });
      it(`a route for sector admins is ${outcomes['sector-admin']}`, () => {
        expect(decideAccess(principal, 'sector-admin', outside).outcome).toBe(outcomes['sector-admin']);
      });
      it(`a development route outside production is ${outcomes.development}`, () => {
        expect(decideAccess(principal, 'development', outside).outcome).toBe(outcomes.development);
      });
      it('a development route in production is not-found', () => {
        expect(decideAccess(principal, 'development', { isProduction: true }).outcome).toBe('not-found');
      });
      it(`a route for North College's authors is ${outcomes.authorsAtNorth}`, () => {
        expect(decideAccess(principal, AUTHORS, atNorth).outcome).toBe(outcomes.authorsAtNorth);
      });
      it('a route naming an institution that does not exist is not-found', () => {
        expect(decideAccess(principal, AUTHORS, { institution: null, isProduction: false }).outcome).toBe(
          'not-found',
        );
      });
    });
  }

  it('when a route for institution roles names no institution, anonymous people are asked to sign in and others get not-found', () => {
    expect(decideAccess(principals.anonymous, AUTHORS, outside).outcome).toBe('sign-in');
    expect(decideAccess(principals['an author at North College'], AUTHORS, outside).outcome).toBe(
      'not-found',
    );
    expect(
      decideAccess(principals["North College's token with the author role"], AUTHORS, outside).outcome,
    ).toBe('not-found');
  });

  it('when someone holds any one of the roles a route accepts, they are allowed', () => {
    const staff: Access = { institutionRoles: ['author', 'reviewer', 'admin'] };
    const reviewer = user({ roles: [[northCollege.id, ['reviewer']]] });
    const registryAndAdmin = user({ roles: [[northCollege.id, ['registry', 'admin']]] });
    expect(decideAccess(reviewer, staff, atNorth)).toEqual({ outcome: 'allow' });
    expect(decideAccess(registryAndAdmin, staff, atNorth)).toEqual({ outcome: 'allow' });
  });

  it('when someone holds roles at two institutions, only the roles at the named one count', () => {
    const both = user({
      roles: [
        [northCollege.id, ['registry']],
        [southCollege.id, ['author']],
      ],
    });
    expect(decideAccess(both, AUTHORS, atNorth).outcome).toBe('forbidden');
    expect(decideAccess(both, AUTHORS, { institution: southCollege, isProduction: false }).outcome).toBe(
      'allow',
    );
  });

  describe('a route for tokens of a role, whose path names no institution (the W3C VC API)', () => {
    const REGISTRY_TOKENS: Access = { tokenRoles: ['registry'] };

    it("a token with the role is allowed, whichever institution it belongs to, even one the context doesn't name", () => {
      expect(decideAccess(token(northCollege.id, ['registry']), REGISTRY_TOKENS, outside)).toEqual({
        outcome: 'allow',
      });
      expect(decideAccess(token(southCollege.id, ['author', 'registry']), REGISTRY_TOKENS, atNorth)).toEqual({
        outcome: 'allow',
      });
    });

    it('a token without the role is forbidden, and told which role its token needs', () => {
      expect(
        decideAccess(principals["North College's token with the author role"], REGISTRY_TOKENS, outside),
      ).toEqual({
        outcome: 'forbidden',
        reason: 'This API token is not scoped to the registry officer role. Create a token with that role.',
      });
    });

    it('anyone without a token is asked for one, even registry staff and sector admins', () => {
      for (const name of ['anonymous', 'registry staff at North College', 'a sector admin'] as const)
        expect(decideAccess(principals[name], REGISTRY_TOKENS, atNorth).outcome).toBe('sign-in');
    });
  });

  it('when a member lacks the role, the reason names the role, the institution and who can grant it', () => {
    const decision = decideAccess(principals['registry staff at North College'], AUTHORS, atNorth);
    expect(decision).toEqual({
      outcome: 'forbidden',
      reason:
        "You need the author role at North College to do this. Ask your institution's admin to grant it.",
    });
  });

  it('when a route accepts several roles, the reason lists them all by their labels', () => {
    const decision = decideAccess(
      principals['registry staff at North College'],
      { institutionRoles: ['author', 'reviewer', 'admin'] },
      atNorth,
    );
    expect(decision).toEqual({
      outcome: 'forbidden',
      reason:
        "You need the author, reviewer (quality assurance) or institution admin role at North College to do this. Ask your institution's admin to grant it.",
    });
  });

  it('when a token lacks the role, the reason says to create a token with that role', () => {
    const decision = decideAccess(
      principals["North College's token with the registry role only"],
      AUTHORS,
      atNorth,
    );
    expect(decision).toEqual({
      outcome: 'forbidden',
      reason: 'This API token is not scoped to the author role. Create a token with that role.',
    });
  });

  it('when someone who is not a sector admin asks for a sector-admin route, the reason says who can', () => {
    expect(decideAccess(principals['a learner (no roles)'], 'sector-admin', outside)).toEqual({
      outcome: 'forbidden',
      reason: 'Only sector administrators can do this. Ask the hub team if you need to.',
    });
  });

  it('when a member holds no role at all at the institution, it is hidden from them', () => {
    const emptyMembership = user({ roles: [[northCollege.id, []]] });
    expect(decideAccess(emptyMembership, AUTHORS, atNorth).outcome).toBe('not-found');
  });
});

describe('validateNewAccount', () => {
  const good = {
    name: 'Ailsa Learner',
    email: 'ailsa@example.org',
    password: 'three random words',
    confirmPassword: 'three random words',
  };

  it('when every field is right, there are no errors', () => {
    expect(validateNewAccount(good)).toEqual([]);
  });

  it('when the email address has spaces around it, they are ignored', () => {
    expect(validateNewAccount({ ...good, email: '  ailsa@example.org  ' })).toEqual([]);
  });

  it('when the name is empty or only spaces, it asks for the full name', () => {
    for (const name of ['', '   '])
      expect(validateNewAccount({ ...good, name })).toEqual([
        { field: 'name', message: 'Enter your full name' },
      ]);
  });

  it('when the email address is not in the right format, it shows the format', () => {
    for (const email of ['', 'ailsa', 'ailsa@example', 'ailsa @example.org', '@example.org'])
      expect(validateNewAccount({ ...good, email })).toEqual([
        {
          field: 'email',
          message: 'Enter an email address in the correct format, like name@example.com',
        },
      ]);
  });

  it('when the password is shorter than 10 characters, it asks for a longer one and suggests three words', () => {
    expect(validateNewAccount({ ...good, password: 'nine char', confirmPassword: 'nine char' })).toEqual([
      {
        field: 'password',
        message: 'Enter a password of at least 10 characters. Three random words make a strong one',
      },
    ]);
  });

  it('when the password is exactly 10 or 128 characters, it is accepted', () => {
    for (const password of ['x'.repeat(10), 'x'.repeat(128)])
      expect(validateNewAccount({ ...good, password, confirmPassword: password })).toEqual([]);
  });

  it('when the password is longer than 128 characters, it asks for a shorter one', () => {
    const password = 'x'.repeat(129);
    expect(validateNewAccount({ ...good, password, confirmPassword: password })).toEqual([
      { field: 'password', message: 'Enter a password of 128 characters or fewer' },
    ]);
  });

  it('when the two passwords differ, it asks for the same password twice', () => {
    expect(validateNewAccount({ ...good, confirmPassword: 'three random wordz' })).toEqual([
      { field: 'confirmPassword', message: 'Enter the same password twice' },
    ]);
  });

  it('when everything is wrong, every field gets its own message, in the order of the form', () => {
    expect(validateNewAccount({ name: '', email: 'nope', password: 'short', confirmPassword: '' })).toEqual([
      { field: 'name', message: 'Enter your full name' },
      {
        field: 'email',
        message: 'Enter an email address in the correct format, like name@example.com',
      },
      {
        field: 'password',
        message: 'Enter a password of at least 10 characters. Three random words make a strong one',
      },
      { field: 'confirmPassword', message: 'Enter the same password twice' },
    ]);
  });
});
