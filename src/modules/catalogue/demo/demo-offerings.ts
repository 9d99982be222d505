/**
 * Builds the intakes of a demo course: dates in the year after `today`, delivery and place,
 * live contact time, price and funding. One price and funding scheme per course, as providers set
 * them, with the occasional later intake no longer funded.
 */
import type {
  DeliveryMode,
  Duration,
  Funding,
  MicroCredentialInput,
  OfferingInput,
} from '../catalogue-model.ts';
import type { InstitutionContext } from './demo-institutions.ts';
import { isoDate, nextMonday } from './demo-dates.ts';
import {
  COLLEGE_FUNDING,
  FREE_NOTES,
  SELF_FUNDED_NOTES,
  UNIVERSITY_FUNDING,
  WORKPLACE_LOCATION,
} from './demo-phrases.ts';
import type { Random } from './demo-random.ts';
import { COLLEGE_DELIVERY, UNIVERSITY_DELIVERY } from './demo-survey.ts';

/** Offerings start from two weeks ago (still running) to nine months ahead. */
const EARLIEST_START = -14;
const LATEST_START = 270;

/**
 * Many online courses that learners finish "within" a time frame can be started at any time. Only
 * online ones, so own-pace study does not tilt the delivery shares the survey sets.
 */
const OWN_PACE_SHARE_OF_ONLINE_WITHIN = 0.75;

const CLASSROOM_PLACES = [12, 14, 15, 16, 18, 20, 24];
const ONLINE_PLACES = [20, 25, 30, 40, 50, 60, 80, 100, 150, 200];

interface Pricing {
  pricePence: number;
  funding: Funding;
  feeNotes: string | null;
}

export function buildOfferings(
  rng: Random,
  context: InstitutionContext,
  version: MicroCredentialInput,
  today: number,
): OfferingInput[] {
  const pricing = choosePricing(rng, context, version);
  const primaryMode = chooseMode(rng, context);
  if (
    primaryMode === 'online' &&
    version.duration.kind === 'within' &&
    rng.chance(OWN_PACE_SHARE_OF_ONLINE_WITHIN)
  ) {
    return [
      {
        startsOn: null,
        endsOn: null,
        enrolBy: null,
        deliveryMode: 'online',
        location: null,
        synchronousHours: 0,
        ...pricing,
        places: null,
        thirdPartyPlatform: context.platform && rng.chance(0.6) ? context.platform : null,
      },
    ];
  }

  const count = rng.weighted([
    [1, 50],
    [2, 35],
    [3, 15],
  ] as const);
  const offerings: OfferingInput[] = [];
  let start = nextMonday(today + rng.int(EARLIEST_START, 120));
  for (let index = 0; index < count && start <= today + LATEST_START; index += 1) {
    const length = lengthInDays(rng, version.duration);
    const mode = index === 0 || rng.chance(0.75) ? primaryMode : chooseMode(rng, context);
    // A later intake sometimes falls outside the funding round and is paid for again.
    const intakePricing =
      index > 0 && pricing.funding !== 'self-funded' && pricing.pricePence > 0 && rng.chance(0.1)
        ? { pricePence: pricing.pricePence, funding: 'self-funded' as const, feeNotes: null }
        : pricing;
    offerings.push({
      startsOn: isoDate(start),
      endsOn: isoDate(start + length),
      enrolBy: rng.chance(0.15) ? null : isoDate(start - rng.pick([0, 3, 7, 7, 14, 14, 21])),
      deliveryMode: mode,
      location:
        mode === 'online'
          ? null
          : mode === 'workplace'
            ? WORKPLACE_LOCATION
            : rng.pick(context.profile.campuses),
      synchronousHours: synchronousHours(rng, mode, version),
      ...intakePricing,
      places: rng.chance(0.15) ? null : rng.pick(mode === 'online' ? ONLINE_PLACES : CLASSROOM_PLACES),
      thirdPartyPlatform:
        (mode === 'online' || mode === 'hybrid') && context.platform && rng.chance(0.5)
          ? context.platform
          : null,
    });
    // The next intake starts after this one ends, usually a term or so later.
    start = nextMonday(start + Math.max(length + rng.int(7, 28), rng.int(42, 112)));
  }
  return offerings;
}

function chooseMode(rng: Random, context: InstitutionContext): DeliveryMode {
  return context.institution.kind === 'university'
    ? rng.weighted(UNIVERSITY_DELIVERY)
    : rng.weighted(COLLEGE_DELIVERY);
}

/** Days from the first day to the last, counting a Monday start. */
function lengthInDays(rng: Random, duration: Duration): number {
  const { amount, unit } = duration;
  if (duration.kind === 'within')
    return unit === 'months' ? amount * 30 : unit === 'weeks' ? amount * 7 : unit === 'days' ? amount : 1;
  switch (unit) {
    case 'hours':
      // A short course fits in a day; a longer one is either a block of days or weekly sessions.
      if (amount <= 7) return 0;
      return rng.chance(0.5) ? Math.ceil(amount / 7) - 1 : (Math.ceil(amount / 3) - 1) * 7;
    case 'days':
      if (amount === 1) return 0;
      return rng.chance(0.5) ? weekdaysSpan(amount) : (amount - 1) * 7;
    case 'weeks':
      // Ends on the Friday of the last week.
      return amount * 7 - 3;
    case 'months':
      return amount * 30;
  }
}

/** Calendar days covered by `days` consecutive weekdays starting on a Monday. */
function weekdaysSpan(days: number): number {
  const weeks = Math.floor((days - 1) / 5);
  return days - 1 + weeks * 2;
}

function synchronousHours(rng: Random, mode: DeliveryMode, version: MicroCredentialInput): number {
  const hours = version.notionalHours;
  if (version.kind === 'small-qualification') {
    // Short courses are mostly taught live, whether online or in a room.
    return Math.max(1, Math.round(hours * (mode === 'online' ? rng.between(0.3, 1) : rng.between(0.7, 1))));
  }
  // The survey: 10-20 credit courses have 2-4 days of live contact, about a seventh of their hours.
  switch (mode) {
    case 'online':
      return rng.chance(0.3) ? 0 : Math.round(hours * rng.between(0.06, 0.18));
    case 'hybrid':
      return Math.round(hours * rng.between(0.12, 0.25));
    default:
      return Math.round(hours * rng.between(0.25, 0.5));
  }
}

function choosePricing(rng: Random, context: InstitutionContext, version: MicroCredentialInput): Pricing {
  const isCollege = context.institution.kind === 'college';
  const listPence = listPrice(rng, isCollege, version);
  const schemes = isCollege ? COLLEGE_FUNDING : UNIVERSITY_FUNDING;
  const funding = rng.weighted<Funding>(
    isCollege
      ? [
          ['fully-funded', 0.38],
          ['part-funded', 0.17],
          ['self-funded', 0.45],
        ]
      : [
          ['fully-funded', 0.45],
          ['part-funded', 0.12],
          ['self-funded', 0.43],
        ],
  );
  const scheme = rng.pick(schemes);
  if (funding === 'fully-funded') {
    // Half show no price at all; the rest show the list price and who the funding covers.
    if (rng.chance(0.5))
      return { pricePence: 0, funding, feeNotes: rng.chance(0.5) ? scheme.fullNote : rng.pick(FREE_NOTES) };
    return { pricePence: listPence, funding, feeNotes: scheme.fullNote };
  }
  if (funding === 'part-funded') return { pricePence: listPence, funding, feeNotes: scheme.partNote };
  return { pricePence: listPence, funding, feeNotes: rng.pick(SELF_FUNDED_NOTES) };
}

/** £30 to £1,500, scaled by credits (or hours) and level, rounded to £5 as price lists are. */
function listPrice(rng: Random, isCollege: boolean, version: MicroCredentialInput): number {
  let pounds: number;
  if (version.scqfCredits === null) {
    pounds = Math.min(250, Math.max(30, version.notionalHours * rng.between(4, 10)));
  } else {
    const perCredit = isCollege ? rng.between(18, 40) : rng.between(35, 75);
    const postgraduate = (version.scqfLevel ?? 0) >= 11 ? 1.2 : 1;
    pounds = Math.min(1500, Math.max(30, version.scqfCredits * perCredit * postgraduate));
  }
  return Math.round(pounds / 5) * 5 * 100;
}
