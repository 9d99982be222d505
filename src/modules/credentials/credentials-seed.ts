import type { Services } from '../../services.ts';

const DEMO_INSTITUTION = 'abertay-university';
const DEMO_LEARNERS = [
  { email: 'learner@demo.scot', name: 'Demo Learner' },
  { email: 'morag.campbell@demo.scot', name: 'Morag Campbell' },
  { email: 'ciaran.oneill@demo.scot', name: 'Ciarán O’Neill' },
  { email: 'zoe.mackay@demo.scot', name: 'Zoë MacKay' },
];

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Outside production, gives the demo a few issued credentials to look at: results recorded by the
 * demo registry officer at Abertay University on courses whose intake has started, issued through
 * the normal queue. Claim links are in the outbox, so the demo learner can claim them by hand.
 * Does nothing once any credential exists.
 */
export async function seedDemoCredentials(services: Services, today: Date): Promise<number> {
  const { catalogue, credentials } = services;
  const institution = await catalogue.findInstitution(DEMO_INSTITUTION);
  if (!institution) return 0;
  if ((await credentials.credentialsOfInstitution(institution.id, 1)).length > 0) return 0;
  const yesterday = isoDate(new Date(today.getTime() - 86_400_000));
  const offerings = (await catalogue.listOfferingsByCode(institution.id)).filter(
    (offering) => offering.startsOn === null || offering.startsOn <= yesterday,
  );
  // One intake per course: a course with several intakes needs its start date in the file.
  const byCode = new Map<string, (typeof offerings)[number][]>();
  for (const offering of offerings)
    byCode.set(offering.code, [...(byCode.get(offering.code) ?? []), offering]);
  const chosen = [...byCode.values()].slice(0, 3).map((intakes) => intakes[0]!);
  if (chosen.length === 0) return 0;
  const diet = new Date(yesterday).toLocaleDateString('en-GB', { month: 'long', year: 'numeric' });
  const rows = ['learner_email,learner_name,module_code,offering_start,outcome,mark,diet,completed_on'];
  chosen.forEach((offering, courseIndex) => {
    DEMO_LEARNERS.forEach((learner, learnerIndex) => {
      const mark = 55 + ((courseIndex * 7 + learnerIndex * 11) % 40);
      rows.push(
        [
          learner.email,
          `"${learner.name}"`,
          offering.code,
          offering.startsOn ?? '',
          'passed',
          String(mark),
          diet,
          yesterday,
        ].join(','),
      );
    });
  });
  const actor = { id: 'demo-seed', name: 'Demo data', roles: ['registry' as const] };
  const outcome = await credentials.applyCsv(institution, actor, rows.join('\n'));
  if (!outcome.applied) return 0;
  credentials.worker.wake();
  await credentials.worker.idle();
  return (await credentials.credentialsOfInstitution(institution.id, 100)).length;
}
