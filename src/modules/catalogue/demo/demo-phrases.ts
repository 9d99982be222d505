/**
 * Phrases for the administrative parts of a demo course: assessment, entry requirements, quality
 * assurance, funding and partners. Funding schemes are real Scottish schemes of 2021-22, named so
 * the demo reads like the sector; eligibility in the demo is illustrative only.
 */
import type { AssessmentKind, PartnerKind } from '../catalogue-model.ts';
import type { OutcomeTier } from './demo-vocabulary.ts';

export const ASSESSMENT_TEXT: Record<AssessmentKind, readonly string[]> = {
  coursework: [
    'A written assignment of about 1,500 words, applying the course to your own work.',
    'Two short assignments: a reflective account and a case study.',
    'A report on a problem at your workplace, with recommendations.',
  ],
  exam: [
    'A one-hour online exam at the end of the course.',
    'A short written exam covering all the learning outcomes.',
  ],
  portfolio: [
    'A portfolio of evidence from your work, reviewed by your tutor.',
    'A portfolio of short tasks completed during the course, with a reflective commentary.',
  ],
  practical: [
    'A practical assessment observed by a tutor, with a short oral follow-up.',
    'Practical tasks assessed against a checklist during the course.',
  ],
  project: [
    'A small project on a real problem, presented in a short report or video.',
    'A group project with an individual reflective piece.',
  ],
  'online-quiz': [
    'Short online quizzes after each topic.',
    'An online multiple-choice test at the end of each week.',
  ],
  attendance: ['Attendance and participation in all sessions; there is no formal assessment.'],
};

export const PREREQUISITES: Record<OutcomeTier, readonly string[]> = {
  foundation: [
    'None.',
    'None: the course starts from the basics.',
    'None, but you need basic digital skills to take part online.',
  ],
  intermediate: [
    'None, but some experience of the subject at work is helpful.',
    'Experience at SCQF level 6 (for example Highers) or relevant work experience.',
    'You should be working in, or volunteering in, a related role.',
  ],
  advanced: [
    'A degree or equivalent professional experience in a related field.',
    'At least two years of relevant professional experience.',
    'An honours degree, or equivalent experience that the course team will discuss with you.',
  ],
};

export const UNIVERSITY_QA_COMMITTEES = [
  'Academic Quality Committee',
  'Senate Academic Standards Committee',
  'Learning and Teaching Quality Committee',
] as const;
export const COLLEGE_QA_COMMITTEES = [
  'Quality Committee',
  'Curriculum and Quality Committee',
  'Learning and Teaching Committee',
] as const;

/** The university that validates higher education taught by its partner colleges. */
export const UHI_NAME = 'University of the Highlands and Islands';
export const UHI_QA_BODY = 'University of the Highlands and Islands Academic Standards and Quality Committee';

export interface FundingScheme {
  name: string;
  fullNote: string;
  partNote: string;
}

/** The Upskilling Fund paid for most HE micro-credentials in 2020-21 (11 of 12 HEIs surveyed used it). */
export const UNIVERSITY_FUNDING: readonly FundingScheme[] = [
  {
    name: 'Upskilling Fund',
    fullNote:
      "Funded through the Scottish Funding Council's Upskilling Fund for eligible learners living in Scotland.",
    partNote: 'The Upskilling Fund pays part of the fee for eligible learners living in Scotland.',
  },
  {
    name: 'National Transition Training Fund',
    fullNote:
      'Funded through the National Transition Training Fund for people whose jobs were affected by COVID-19.',
    partNote: 'The National Transition Training Fund pays part of the fee for eligible learners.',
  },
];

export const COLLEGE_FUNDING: readonly FundingScheme[] = [
  {
    name: 'Flexible Workforce Development Fund',
    fullNote:
      'Funded for staff of eligible employers through the Flexible Workforce Development Fund (FWDF); ask your employer.',
    partNote: 'Employers can use the Flexible Workforce Development Fund (FWDF) to pay part of the fee.',
  },
  {
    name: 'Individual Training Account',
    fullNote:
      'Free to eligible learners who pay with an Individual Training Account (ITA) from Skills Development Scotland.',
    partNote: 'You can use an Individual Training Account (ITA) to pay up to £200 of the fee.',
  },
  {
    name: "Young Person's Guarantee",
    fullNote: "Free for people aged 16 to 24 through the Young Person's Guarantee.",
    partNote: "Reduced fee for people aged 16 to 24 through the Young Person's Guarantee.",
  },
];

export const SELF_FUNDED_NOTES: readonly (string | null)[] = [
  null,
  null,
  'Employers can pay by invoice.',
  'The fee includes all materials.',
  'You can pay in instalments.',
];

export const FREE_NOTES: readonly (string | null)[] = [null, 'There is no fee for this course.'];

export const PARTNER_ROLES: Record<PartnerKind, readonly string[]> = {
  employer: [
    'Co-designed the course and offers work-based projects',
    'Sponsors places for its staff and provides case studies',
    'Provides guest speakers and placements',
  ],
  psrb: [
    'Recognises the course for continuing professional development',
    'Endorsed the content against its professional standards',
  ],
  consortium: [
    'Delivers the course jointly with its members',
    'Shares teaching and learning materials across the partnership',
  ],
  college: ['Co-delivers the practical sessions', 'Accepts the credit towards its own awards'],
  university: [
    'Accepts the credit towards its own awards',
    'Co-designed the course as a route into degree study',
  ],
};

/** Employers that appear across subjects, as the national agencies and big employers do in practice. */
export const GENERIC_EMPLOYERS = [
  'NHS Lothian',
  'Scottish Water',
  'SSE',
  'Skills Development Scotland',
  'Scottish Enterprise',
  'Scottish Government',
  'City of Edinburgh Council',
  'Glasgow City Council',
] as const;

export const GENERIC_CONSORTIA = [
  'Developing the Young Workforce regional group',
  'Scottish Wider Access Programme (SWAP)',
  'College Development Network',
] as const;

/** Third-party platforms: colleges and HEIs both reported using them in the survey. */
export const COLLEGE_PLATFORMS = ['FutureLearn', 'Coursera', "the college's Moodle"] as const;
export const UNIVERSITY_PLATFORMS = ['FutureLearn', 'Coursera', 'edX'] as const;

export const WORKPLACE_LOCATION = 'Your workplace';
