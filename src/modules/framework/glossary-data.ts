/**
 * The hub's glossary: the sector's words explained in plain language for learners, with the other
 * words and spellings people search with. Search uses the synonyms to widen queries, and pages link
 * each use of a term to its entry, so a phrase may belong to one entry only (see validateGlossary).
 *
 * Provider terms (short course, CPD award, ...) have entries of their own rather than being synonyms
 * of "micro-credential", because each can mean either a micro-credential or a small qualification:
 * what decides it is whether the course carries SCQF credits. Their seeAlso starts with the canonical
 * entries they map to.
 *
 * Survey figures come from QAA Scotland's 2022 practitioner survey (data/survey-baseline-2022.json);
 * keep them in step with that file rather than adding figures from elsewhere.
 */

export type GlossaryCategory =
  'kinds-of-course' | 'size-and-level' | 'recognition' | 'quality' | 'delivery' | 'pathways';

/** Headings for grouping the glossary page, in the order a learner meets the ideas. */
export const GLOSSARY_CATEGORY_LABELS: Readonly<Record<GlossaryCategory, string>> = {
  'kinds-of-course': 'Kinds of course',
  'size-and-level': 'Size and level',
  recognition: 'Certificates, badges and records',
  quality: 'Quality and who stands behind a course',
  delivery: 'How, when and where you learn',
  pathways: 'Building towards an award',
};

export const GLOSSARY_CATEGORIES = Object.keys(GLOSSARY_CATEGORY_LABELS) as GlossaryCategory[];

export interface GlossaryEntry {
  /** Kebab-case and stable: it is the entry's URL and what other entries' seeAlso point to. */
  slug: string;
  term: string;
  /** One sentence, under 160 characters, shown in tooltips and search results. */
  summary: string;
  /** Two to four short paragraphs. */
  body: string[];
  /** Other words and spellings for the same idea; never a word so general it would hijack searches. */
  synonyms: string[];
  seeAlso: string[];
  category: GlossaryCategory;
}

export const GLOSSARY: GlossaryEntry[] = [
  // ---------------------------------------------------------------- kinds of course
  {
    slug: 'micro-credential',
    term: 'Micro-credential',
    summary:
      'A short course that has been credit-rated on the SCQF, so it has a size in credits, a level, and a certificate of study when you pass.',
    body: [
      'A micro-credential is a short piece of learning with a fixed size and level. It has been credit-rated. That means a trusted body has checked it and given it SCQF credits at an SCQF level. You are assessed, and if you pass you get a certificate of study that shows the credits you earned.',
      'Worked example: a micro-credential worth 10 credits at SCQF level 7 is about 100 hours of learning, at the level of the first year at university. 10 SCQF credits = 100 hours of learning = 5 ECTS credits.',
      "Colleges and universities use many words for short courses: short course, bespoke course, CPD award, standalone module, skills boost. This hub uses one simple test. If a course carries SCQF credits, it is a micro-credential. If it does not, it is a small qualification. A standalone module is almost always a micro-credential, because modules are credit-rated. The provider's own word is still shown on the course page.",
      'The word is new and often confusing. In a 2022 QAA Scotland survey, 29 of the 35 college and university staff who replied said staff at their institution did not understand it, and 33 said students did not. This glossary is here to help.',
    ],
    synonyms: [
      'microcredential',
      'micro credential',
      'micro-cred',
      'credit-rated short course',
      'credit-bearing short course',
    ],
    seeAlso: ['small-qualification', 'provider-term', 'scqf-credit', 'scqf-level', 'certificate-of-study'],
    category: 'kinds-of-course',
  },
  {
    slug: 'small-qualification',
    term: 'Small qualification',
    summary:
      'A short course that has not been credit-rated, so it has no SCQF credits, though it may still teach useful skills and give a certificate.',
    body: [
      'A small qualification is a short course that has not been given SCQF credits. It can still be very useful. It might teach a skill your job needs, or prepare you for a licence or a test run by someone else.',
      'Because it has no SCQF credits, it usually cannot be counted towards a larger award, such as a Certificate of Higher Education. You may get a certificate of attendance rather than a certificate of study.',
      'The hub still tells you how many hours it takes, so you can compare it with other courses. For example, a small qualification might be 12 hours spread over two days.',
      'Providers: if your course is later credit-rated, it becomes a micro-credential. Publish a new version with its SCQF level and credits.',
    ],
    synonyms: [
      'non-credit course',
      'non-credit-bearing course',
      'non-credit-rated course',
      'uncredited course',
    ],
    seeAlso: ['micro-credential', 'credit-rating', 'certificate-of-attendance', 'notional-hours'],
    category: 'kinds-of-course',
  },
  {
    slug: 'short-course',
    term: 'Short course',
    summary:
      "A provider's everyday name for any brief course: on this hub it is a micro-credential if credit-rated, and a small qualification if not.",
    body: [
      '"Short course" is the name colleges and universities use most. In a 2022 QAA Scotland survey, 23 of the 35 staff who replied said their institution used it. But the name does not tell you the size or the level.',
      'On this hub, every short course is shown as one of two kinds. If it carries SCQF credits, it is a micro-credential. If it does not, it is a small qualification. The provider\'s own name, "short course", is still shown beside it.',
      'Tip: look at the credits and the level, not the name. A "short course" could be 10 hours with no credits, or 200 hours worth 20 credits at SCQF level 11.',
    ],
    synonyms: ['short programme', 'short training course'],
    seeAlso: ['micro-credential', 'small-qualification', 'provider-term'],
    category: 'kinds-of-course',
  },
  {
    slug: 'bespoke-course',
    term: 'Bespoke course',
    summary:
      'A course designed for one employer or group: a micro-credential if it carries SCQF credits, otherwise a small qualification.',
    body: [
      "A bespoke course is made to fit the needs of one employer, industry or group of learners. For example, a college might design a food safety course for a hotel chain's staff.",
      'Colleges use this name most. In a 2022 QAA Scotland survey, 11 college staff and 3 university staff who replied said their institution used it.',
      'On this hub, a bespoke course is a micro-credential if it has been credit-rated and given SCQF credits. If not, it is a small qualification. Some bespoke courses are open only to staff of the employer that asked for them.',
    ],
    synonyms: ['bespoke', 'bespoke training', 'bespoke programme', 'tailored course', 'employer-led course'],
    seeAlso: ['micro-credential', 'small-qualification', 'provider-term', 'workplace-based-learning'],
    category: 'kinds-of-course',
  },
  {
    slug: 'cpd-award',
    term: 'CPD award',
    summary:
      'A course that helps people in work keep their skills up to date: a micro-credential if credit-rated, otherwise a small qualification.',
    body: [
      'CPD stands for continuing professional development. It means the learning you do throughout your working life to keep up to date. Many professions, such as nursing and teaching, expect you to do some every year.',
      "A CPD award can be any size. For example, one might be worth 15 SCQF credits at level 11 (master's level), which is about 150 hours. Another might be a single day with no credits.",
      'On this hub, a CPD award that carries SCQF credits is shown as a micro-credential. One with no credits is shown as a small qualification. If it matters for your job, check whether a professional body recognises it.',
    ],
    synonyms: [
      'CPD',
      'CPD course',
      'continuing professional development',
      'continuing professional development award',
    ],
    seeAlso: ['micro-credential', 'small-qualification', 'provider-term', 'psrb'],
    category: 'kinds-of-course',
  },
  {
    slug: 'standalone-module',
    term: 'Standalone module',
    summary:
      'One module of a larger programme, such as a degree, taken on its own; it maps to micro-credential because it carries SCQF credits.',
    body: [
      'Degrees, HNCs and HNDs are made of smaller parts called modules (some colleges call them units). A standalone module is one of these that you take by itself, without signing up for the whole programme.',
      'Because the module is part of a credit-rated programme, it already carries SCQF credits at a level. So on this hub it is shown as a micro-credential. For example, a 20-credit module at SCQF level 9 is about 200 hours of learning.',
      'If you later join the full programme, the institution may count the module towards it. Ask about this before you start.',
    ],
    synonyms: ['stand-alone module', 'standalone unit', 'single module'],
    seeAlso: ['micro-credential', 'provider-term', 'stackable', 'module-code'],
    category: 'kinds-of-course',
  },
  {
    slug: 'skills-boost',
    term: 'Skills boost',
    summary:
      'A short, focused course to build one skill quickly: a micro-credential if it carries SCQF credits, otherwise a small qualification.',
    body: [
      '"Skills boost" is a name some providers give to short courses that help you add one skill, often for work. The 2022 QAA Scotland survey found it among the names institutions use.',
      'The name does not tell you the size or level. On this hub, a skills boost with SCQF credits is a micro-credential, and one without credits is a small qualification.',
      'Example: a skills boost in spreadsheets might be worth 5 SCQF credits at level 5. That is about 50 hours of learning, at the level of National 5.',
    ],
    synonyms: ['skills booster', 'skill boost', 'upskilling course'],
    seeAlso: ['micro-credential', 'small-qualification', 'provider-term'],
    category: 'kinds-of-course',
  },
  {
    slug: 'provider-term',
    term: 'Provider term',
    summary:
      "The name a college or university uses for its own kind of course, shown next to the hub's standard name so you can compare like with like.",
    body: [
      'Institutions call their short courses by different names: short course, bespoke course, CPD award, standalone module, skills boost and more. These are provider terms.',
      "The hub keeps the provider's name, so you recognise the course from the provider's own website. It also shows the standard name: micro-credential if the course is credit-rated, or small qualification if it is not.",
      'Providers: choose your own term when you describe a course. The hub works out the standard name from whether the course carries SCQF credits.',
    ],
    synonyms: ["provider's own term", "institution's own term"],
    seeAlso: [
      'micro-credential',
      'small-qualification',
      'short-course',
      'bespoke-course',
      'cpd-award',
      'standalone-module',
      'skills-boost',
    ],
    category: 'kinds-of-course',
  },

  // ---------------------------------------------------------------- size and level
  {
    slug: 'scqf',
    term: 'SCQF',
    summary:
      "The Scottish Credit and Qualifications Framework: Scotland's map of learning, with 12 levels for difficulty and credits for size.",
    body: [
      'SCQF stands for the Scottish Credit and Qualifications Framework. It puts qualifications and learning programmes on one map, so you can compare them. Learning at school, college, university and work can all be on it.',
      'It measures two things. The SCQF level shows how hard the learning is, from level 1 to level 12. SCQF credits show how much learning there is: 1 credit is about 10 hours.',
      'Examples: a Higher is at SCQF level 6. An honours degree is at level 10 and is usually 480 credits. A micro-credential might be 10 credits at level 7.',
      'The framework is looked after by the SCQF Partnership.',
    ],
    synonyms: ['Scottish Credit and Qualifications Framework', 'SCQF framework'],
    seeAlso: ['scqf-level', 'scqf-credit', 'scqf-partnership', 'eqf'],
    category: 'size-and-level',
  },
  {
    slug: 'scqf-level',
    term: 'SCQF level',
    summary:
      'How demanding a piece of learning is, on a scale from 1 (first steps) to 12 (doctorate): the higher the number, the harder it is.',
    body: [
      'The SCQF has 12 levels. Each level describes what someone can do at that stage, such as how much they know and how well they work on their own.',
      "Some familiar examples: National 5 is level 5. Higher is level 6. Advanced Higher, an HNC and the first year of a university degree are level 7. An HND is level 8. An honours degree is level 10. A master's degree is level 11. A doctorate is level 12.",
      "The level tells you how hard something is, not how long it takes. A short course can be at a high level. For example, a 10-credit micro-credential at level 11 is short, but it is at master's level.",
      'Each level is matched to a level of the European Qualifications Framework (EQF). For example, SCQF level 7 matches EQF level 5.',
    ],
    synonyms: ['qualification level', 'level of study', 'study level', 'course level'],
    seeAlso: ['scqf', 'scqf-credit', 'scqf-characteristics', 'eqf'],
    category: 'size-and-level',
  },
  {
    slug: 'scqf-credit',
    term: 'SCQF credit',
    summary:
      'A measure of how much learning a course involves: 1 SCQF credit stands for about 10 hours of learning.',
    body: [
      'SCQF credits (also called credit points) measure size. One credit means about 10 notional hours of learning. That includes classes, reading, practice, assessment and study on your own.',
      'Worked example: 10 SCQF credits = 100 hours of learning = 5 ECTS credits. Micro-credentials are often 5, 10, 15 or 20 credits, which is 50 to 200 hours.',
      'A full-time year at university is usually 120 credits. So a Certificate of Higher Education needs 120 credits, with at least 90 of them at SCQF level 7.',
      'Credits show size and the level shows difficulty. Always look at both together, for example "20 credits at SCQF level 8".',
    ],
    synonyms: ['credit', 'credit points', 'SCQF credit points', 'SCQF points'],
    seeAlso: ['notional-hours', 'scqf-level', 'ects', 'credit-rating'],
    category: 'size-and-level',
  },
  {
    slug: 'notional-hours',
    term: 'Notional hours',
    summary:
      'An estimate of the total time a typical learner needs to meet the learning outcomes, counting classes, private study and assessment.',
    body: [
      '"Notional" means it is an estimate, not a count. Some people need more time and some need less. The hours include everything: teaching, reading, practice, projects, revision and being assessed.',
      'On the SCQF, 10 notional hours = 1 credit. So a 15-credit micro-credential means about 150 hours of work. Spread over 10 weeks, that is about 15 hours a week.',
      'Notional hours are not the same as contact time, which is only the time you spend with a tutor. A course might have 20 hours of live sessions and 130 hours of study on your own.',
      'Small qualifications have no credits, so the provider states the hours instead.',
    ],
    synonyms: [
      'notional learning hours',
      'study hours',
      'learning hours',
      'hours of learning',
      'workload',
      'student workload',
      'study time',
    ],
    seeAlso: ['scqf-credit', 'synchronous', 'learning-outcome'],
    category: 'size-and-level',
  },
  {
    slug: 'ects',
    term: 'ECTS',
    summary:
      'The European Credit Transfer and Accumulation System, used across Europe; 2 SCQF credits are worth 1 ECTS credit.',
    body: [
      'ECTS is a credit system used by universities across Europe. It helps your learning count if you study or work in another European country.',
      'To convert, halve the SCQF credits. Worked example: 10 SCQF credits = 100 hours of learning = 5 ECTS credits. A full-time year is 120 SCQF credits, which is 60 ECTS credits.',
      'The EU recommends that every micro-credential states its workload in ECTS credits where possible. That is why the hub shows ECTS beside SCQF credits.',
    ],
    synonyms: ['European Credit Transfer and Accumulation System', 'ECTS credit', 'European credit'],
    seeAlso: ['scqf-credit', 'eqf', 'eu-mandatory-elements'],
    category: 'size-and-level',
  },
  {
    slug: 'eqf',
    term: 'EQF',
    summary:
      'The European Qualifications Framework: an 8-level scale used to compare qualifications from different European countries.',
    body: [
      'The EQF is a shared scale for comparing qualifications from different European countries. It has 8 levels. Each country matches its own framework to it.',
      "The SCQF has been matched to the EQF. For example, SCQF levels 7 and 8 (HNC, HND, and the first and second years of university) are EQF level 5. An honours degree (SCQF 10) is EQF level 6. A master's degree (SCQF 11) is EQF level 7, and a doctorate (SCQF 12) is EQF level 8.",
      'The hub shows the EQF level beside the SCQF level, so employers and universities in other countries can understand it.',
    ],
    synonyms: ['European Qualifications Framework', 'EQF level'],
    seeAlso: ['scqf-level', 'ects', 'eu-mandatory-elements'],
    category: 'size-and-level',
  },
  {
    slug: 'learning-outcome',
    term: 'Learning outcome',
    summary:
      'A clear statement of what you will know or be able to do by the end of a course, which the assessment then checks.',
    body: [
      'Learning outcomes often follow the words "By the end of this course you will be able to...". They say what you will be able to do, not what the teacher will do.',
      'Example: "Create a monthly budget in a spreadsheet and explain the results to a manager." The assessment then checks that you really can do this.',
      'Employers can read the outcomes on a verified credential to see what you can do. On this hub, each outcome is also tagged with one of the five SCQF characteristics.',
    ],
    synonyms: ['intended learning outcome', 'learning objective', 'what you will learn'],
    seeAlso: ['assessment', 'scqf-characteristics', 'recognition-of-prior-learning'],
    category: 'size-and-level',
  },
  {
    slug: 'scqf-characteristics',
    term: 'SCQF characteristics',
    summary:
      'The five areas the SCQF uses to describe each level, from knowledge to working with others; the hub tags each learning outcome with one.',
    body: [
      'The SCQF describes each level in five areas, called characteristics. (1) Knowledge and understanding. (2) Practice: applied knowledge, skills and understanding. (3) Generic cognitive skills, such as solving problems. (4) Communication, ICT and numeracy skills. (5) Autonomy, accountability and working with others.',
      'The descriptions for each level are called level descriptors. They help people decide which level a course is at.',
      'Providers: tag each learning outcome with the characteristic it fits best. This helps reviewers check the level, and shows learners the kind of skill they will build.',
    ],
    synonyms: ['SCQF level descriptors', 'level descriptors', 'SCQF strands'],
    seeAlso: ['learning-outcome', 'scqf-level', 'credit-rating'],
    category: 'size-and-level',
  },

  // ---------------------------------------------------------------- quality
  {
    slug: 'credit-rating',
    term: 'Credit rating',
    summary:
      'The check that gives a course an SCQF level and a number of SCQF credits, so that it goes on the framework.',
    body: [
      'Credit rating is how a course gets onto the SCQF. A credit-rating body looks at the learning outcomes, the assessment and the hours of learning. It then decides the SCQF level and how many credits the course is worth.',
      'Example: a course of 100 notional hours, assessed at the level of the first year of university, might be rated at 10 SCQF credits at level 7.',
      'A course that has been through this is "credit-rated" or "credit-bearing". On this hub that makes it a micro-credential. A course without credit rating is a small qualification.',
      'Credit rating matters to learners because credits can count towards bigger awards, and other institutions can understand them.',
    ],
    synonyms: ['credit-rated', 'credit-bearing', 'SCQF credit rating'],
    seeAlso: ['credit-rating-body', 'scqf-credit', 'scqf-level', 'micro-credential'],
    category: 'quality',
  },
  {
    slug: 'credit-rating-body',
    term: 'Credit-rating body',
    summary:
      'An organisation allowed to credit-rate learning onto the SCQF, such as a university, a college, SQA or a body approved by the SCQF Partnership.',
    body: [
      'Only some organisations can give learning SCQF credits. Universities, colleges and SQA can credit-rate learning. Other organisations, such as some professional bodies and employers, can be approved to do it by the SCQF Partnership.',
      'The credit-rating body is not always the one that teaches the course. For example, a college might credit-rate a course that an employer runs for its own staff.',
      'The hub shows who credit-rated each micro-credential, so you know who stands behind the credits.',
    ],
    synonyms: ['CRB', 'credit rating organisation'],
    seeAlso: ['credit-rating', 'scqf-partnership', 'awarding-body'],
    category: 'quality',
  },
  {
    slug: 'assessment',
    term: 'Assessment',
    summary:
      'How a course checks that you have met the learning outcomes, for example by an exam, a project, a portfolio or a practical task.',
    body: [
      'Assessment is how you show what you have learned. It could be an exam, an essay, a project, a portfolio of your work, an online quiz, or a practical task watched by a tutor.',
      'In a micro-credential, you must pass the assessment to earn the SCQF credits. If a course only checks that you took part, you get a certificate of attendance, not credits.',
      'The hub shows the type of assessment for each course, so you know what to expect before you sign up.',
    ],
    synonyms: ['assessment method', 'assessment type', 'exam', 'examination'],
    seeAlso: ['learning-outcome', 'supervised-assessment', 'mark', 'diet'],
    category: 'quality',
  },
  {
    slug: 'supervised-assessment',
    term: 'Supervised assessment',
    summary:
      'An assessment where someone checks who you are and watches you take it, in a room or online, so others can trust the result.',
    body: [
      'In a supervised assessment, a person called an invigilator watches you take it. This can happen in a room, or online using a webcam, which is called remote invigilation or proctoring. Your identity is checked too, for example with photo ID.',
      'This matters because employers and other institutions can be more confident that you did the work yourself. Some will only accept credits from supervised assessment.',
      'The hub shows whether an assessment is supervised with identity checked, online with remote invigilation, or unsupervised. The EU lists this as an optional element when describing a micro-credential.',
    ],
    synonyms: [
      'identity check',
      'identity verification',
      'ID check',
      'invigilation',
      'invigilated exam',
      'remote invigilation',
      'proctoring',
      'proctored exam',
    ],
    seeAlso: ['assessment', 'eu-mandatory-elements', 'verifiable-credential'],
    category: 'quality',
  },
  {
    slug: 'psrb',
    term: 'Professional, statutory or regulatory body',
    summary:
      'An organisation that sets the standards for a profession, such as the Nursing and Midwifery Council; often shortened to PSRB.',
    body: [
      'PSRB stands for professional, statutory or regulatory body. These organisations set the standards for a job or profession. Some decide who is allowed to work in it.',
      'Examples include the Nursing and Midwifery Council, the General Teaching Council for Scotland, the Scottish Social Services Council, and chartered institutes in areas such as engineering or accountancy.',
      'Some micro-credentials are designed with a PSRB or accredited by one. This can mean the course counts towards your professional registration or CPD. In a 2022 QAA Scotland survey, 6 institutions said they worked with a PSRB on their micro-credentials.',
    ],
    synonyms: [
      'PSRB',
      'professional body',
      'regulatory body',
      'statutory body',
      'professional statutory and regulatory body',
    ],
    seeAlso: ['accreditation', 'cpd-award', 'quality-assurance'],
    category: 'quality',
  },
  {
    slug: 'accreditation',
    term: 'Accreditation',
    summary:
      "Official approval of a course by a professional or industry body, showing that it meets that body's standards.",
    body: [
      'When a course is accredited, an outside body, such as a professional institute, has checked it against its standards and approved it.',
      'Accreditation is not the same as credit rating. Credit rating gives SCQF credits and a level. Accreditation shows that a profession or industry recognises the course. A course can have one, both or neither.',
      'Example: a project management micro-credential might carry 10 SCQF credits at level 9 and also be accredited by a professional body, so it counts towards membership of that body.',
      'Do not mix this up with "accreditation of prior learning", which is an older name for recognition of prior learning (RPL).',
    ],
    synonyms: ['accredited', 'professional accreditation', 'industry accreditation'],
    seeAlso: ['psrb', 'credit-rating', 'recognition-of-prior-learning'],
    category: 'quality',
  },
  {
    slug: 'quality-assurance',
    term: 'Quality assurance',
    summary:
      'The checks colleges and universities use to make sure courses are well designed, well taught and fairly assessed.',
    body: [
      'Quality assurance (QA) is how an institution makes sure a course is good enough, and stays that way. Staff review the design, the teaching, the assessment and what learners say.',
      'In Scotland, the Scottish Funding Council makes sure the quality of the colleges and universities it funds is checked, working with bodies such as QAA Scotland.',
      'On the hub, every micro-credential is approved before it is published. The course page shows who approved it, the route (standard or streamlined) and when it is next due for review.',
      'In a 2022 QAA Scotland survey, the barrier to micro-credentials named most often was a lack of advice on quality and standards (14 of 35 staff who replied).',
    ],
    synonyms: ['QA', 'academic standards', 'quality and standards', 'quality assured'],
    seeAlso: ['qaa-scotland', 'credit-rating', 'accreditation', 'eu-mandatory-elements'],
    category: 'quality',
  },
  {
    slug: 'qaa-scotland',
    term: 'QAA Scotland',
    summary:
      "The Scottish office of the UK's Quality Assurance Agency, which works with Scotland's universities and colleges on quality and standards.",
    body: [
      'QAA Scotland is part of the Quality Assurance Agency for Higher Education (QAA). It reviews how institutions look after quality, and helps them improve.',
      'In 2022 it published a survey of staff views on micro-credentials in Scotland. 35 staff from 24 colleges and universities took part. The sector then asked for a glossary, a good practice guide, a Scottish micro-credentials framework and a national hub. This site is that hub.',
    ],
    synonyms: ['QAA', 'Quality Assurance Agency', 'Quality Assurance Agency for Higher Education'],
    seeAlso: ['quality-assurance', 'micro-credential'],
    category: 'quality',
  },
  {
    slug: 'sqa',
    term: 'SQA',
    summary:
      'The Scottish Qualifications Authority: the national body that awards qualifications such as National 5, Higher, HNC and SVQs.',
    body: [
      "SQA stands for the Scottish Qualifications Authority. It designs and awards many of Scotland's qualifications, including National 5, Higher, Advanced Higher, HNC, HND and SVQs.",
      'SQA is both an awarding body and a credit-rating body. Colleges teach many SQA qualifications, so a college course may lead to an SQA certificate.',
      'Scotland is replacing SQA with a new body called Qualifications Scotland. Certificates already awarded by SQA are still valid.',
    ],
    synonyms: ['Scottish Qualifications Authority', 'Qualifications Scotland'],
    seeAlso: ['awarding-body', 'credit-rating-body', 'scqf-level'],
    category: 'quality',
  },
  {
    slug: 'awarding-body',
    term: 'Awarding body',
    summary:
      'The organisation whose name is on your certificate and which stands behind it, such as a university, a college or SQA.',
    body: [
      'The awarding body gives you the credential. Its name is on your certificate, and it is responsible for the standard.',
      'It is not always the organisation that teaches you. For example, a college might teach an SQA course, so SQA is the awarding body.',
      'The awarding body is one of the 11 EU mandatory elements for describing a micro-credential. On the hub, each institution signs the digital credentials it issues, so employers can check them.',
    ],
    synonyms: ['awarding organisation', 'awarding institution', 'issuing body', 'issuer'],
    seeAlso: ['institution', 'sqa', 'credit-rating-body', 'verifiable-credential'],
    category: 'quality',
  },
  {
    slug: 'institution',
    term: 'Institution',
    summary:
      'A college, university or other approved organisation that offers courses on the hub; also called a provider.',
    body: [
      'On this hub, an institution is an organisation that offers and issues micro-credentials or small qualifications. Most are colleges and universities.',
      'Each institution has a page showing its courses, and it issues credentials in its own name.',
      'You may also see "HEI", short for higher education institution. This usually means a university.',
    ],
    synonyms: [
      'HEI',
      'higher education institution',
      'learning provider',
      'education provider',
      'training provider',
    ],
    seeAlso: ['awarding-body', 'provider-term', 'offering'],
    category: 'quality',
  },
  {
    slug: 'scqf-partnership',
    term: 'SCQF Partnership',
    summary:
      'The charity that looks after the SCQF, approves credit-rating bodies and keeps the national database of credit-rated learning.',
    body: [
      'The Scottish Credit and Qualifications Framework Partnership (SCQFP) manages the framework. It is a Scottish charity.',
      'It publishes the rules for levels and credits, approves organisations to become credit-rating bodies, and keeps the SCQF Database, where you can look up credit-rated qualifications and programmes.',
      "Its members include Scotland's colleges and universities (through Colleges Scotland and Universities Scotland), QAA Scotland, SQA and the Scottish Government.",
    ],
    synonyms: ['Scottish Credit and Qualifications Framework Partnership', 'SCQFP'],
    seeAlso: ['scqf', 'credit-rating-body', 'credit-rating'],
    category: 'quality',
  },
  {
    slug: 'eu-mandatory-elements',
    term: 'EU mandatory elements',
    summary:
      'The 11 facts that the 2022 EU Council Recommendation says every micro-credential should state, from the learner and title to quality assurance.',
    body: [
      'In June 2022 the Council of the European Union agreed a Recommendation on a European approach to micro-credentials. It lists standard elements that describe any micro-credential, so it can be understood across Europe.',
      'The 11 mandatory elements are: (1) who the learner is; (2) the title; (3) the country or region of the issuer; (4) the awarding body; (5) the date of issue; (6) the learning outcomes; (7) the notional workload, in ECTS credits where possible; (8) the level, such as the EQF level, if there is one; (9) the type of assessment; (10) the form of participation, such as online, in person or hybrid; (11) the type of quality assurance used.',
      'Optional elements include prerequisites, supervision and identity checks during assessment, the grade achieved, whether it can be stacked, and further information.',
      'A Recommendation is not law, and the UK is no longer in the EU. The hub still uses it as a shared standard: a credit-rated micro-credential cannot be published until all 11 elements are present.',
    ],
    synonyms: [
      'EU Council Recommendation',
      'European standard elements',
      'mandatory elements',
      'European approach to micro-credentials',
    ],
    seeAlso: ['micro-credential', 'ects', 'eqf', 'quality-assurance'],
    category: 'quality',
  },

  // ---------------------------------------------------------------- recognition
  {
    slug: 'certificate-of-study',
    term: 'Certificate of study',
    summary:
      'The certificate you get for passing a credit-rated course, showing what you studied, its SCQF level and the credits you earned.',
    body: [
      'A certificate of study proves you passed a micro-credential. It shows the course title, the dates, the SCQF level, the credits, and who awarded it.',
      'Because it shows credits, you can use it to ask for those credits to count towards a larger award, at the same institution or another one.',
      'Certificates used to vary a lot. In a 2022 QAA Scotland survey, 11 institutions said their certificate or transcript showed the course title, but only 6 said it showed the credits or the SCQF level. On this hub every certificate shows the same facts.',
    ],
    synonyms: ['study certificate', 'credit-bearing certificate'],
    seeAlso: ['certificate-of-attendance', 'transcript', 'digital-badge', 'micro-credential'],
    category: 'recognition',
  },
  {
    slug: 'certificate-of-attendance',
    term: 'Certificate of attendance',
    summary:
      'A certificate that shows you took part in a course, without SCQF credits; it is usually given for courses that are not credit-rated.',
    body: [
      'A certificate of attendance says that you attended or took part. It does not show SCQF credits, because the course was not credit-rated or you were not assessed for credit.',
      'It can still be useful. For example, it can show an employer or a professional body that you have done some continuing professional development (CPD).',
      'It usually cannot count towards a larger award. If you want credit, look for a micro-credential, which gives a certificate of study.',
    ],
    synonyms: ['attendance certificate', 'certificate of participation', 'participation certificate'],
    seeAlso: ['certificate-of-study', 'small-qualification', 'cpd-award'],
    category: 'recognition',
  },
  {
    slug: 'transcript',
    term: 'Transcript',
    summary:
      'A record of your results that lists each course with its title, your mark, the exam diet, the SCQF level and the credits.',
    body: [
      'A transcript is a fuller record than a certificate. It lists each course you passed with its title, your mark, the diet (exam period) when you passed, the SCQF level and the credits.',
      'Universities and admissions teams often ask for a transcript when deciding whether to count your credits, for example for credit transfer or RPL.',
      'Your learner record on the hub can produce a digital transcript in the Comprehensive Learner Record (CLR) format. It brings together credentials from different providers, and anyone you share it with can check it.',
    ],
    synonyms: [
      'academic transcript',
      'academic record',
      'record of achievement',
      'Comprehensive Learner Record',
      'CLR',
    ],
    seeAlso: ['certificate-of-study', 'mark', 'diet', 'verifiable-credential'],
    category: 'recognition',
  },
  {
    slug: 'digital-badge',
    term: 'Digital badge',
    summary:
      'An online image with details of your achievement built in, which you can share on a CV or social media and anyone can check.',
    body: [
      'A digital badge is a small picture that stands for something you achieved. Inside it is information: what you did, who issued it, when, and what it means.',
      'The hub issues badges using Open Badges 3.0, an open standard. This means they work with other badge and wallet apps, not only with this hub.',
      'Anyone you share a badge with can check that it is genuine and has not been changed or taken back. For example, an employer could open the badge on your online profile and see its SCQF level and credits.',
    ],
    synonyms: ['Open Badges', 'open badge', 'badge', 'e-badge'],
    seeAlso: ['verifiable-credential', 'certificate-of-study', 'transcript'],
    category: 'recognition',
  },
  {
    slug: 'verifiable-credential',
    term: 'Verifiable credential',
    summary:
      'A digital certificate with a digital signature, so anyone can check who issued it and that nobody has changed it.',
    body: [
      "A verifiable credential follows a W3C standard. It is signed with a digital key that belongs to the issuer, a bit like a tamper-proof seal. The hub's digital badges are verifiable credentials.",
      'If anyone changes even one letter, the check fails. The issuer can also mark a credential as suspended or revoked (taken back), and the check will show that.',
      "Employers: use the hub's verify page, or scan the QR code on the PDF certificate. In seconds you can see who issued it, to whom, and whether it is still valid.",
    ],
    synonyms: [
      'digital credential',
      'verifiable digital credential',
      'W3C verifiable credential',
      'signed credential',
    ],
    seeAlso: ['digital-badge', 'awarding-body', 'transcript'],
    category: 'recognition',
  },
  {
    slug: 'module-code',
    term: 'Module code',
    summary:
      'A short code that an institution gives a course or module, such as DATA7001, used in records, timetables and transcripts.',
    body: [
      'Institutions give each module or course a code. It is a quick way to find exactly the right course in records, timetables and transcripts.',
      'Each institution sets its own codes, so the same code can mean different things in different places. Always read the title and the institution too.',
      'On the hub, the module code appears on your certificate, your transcript and your digital badge.',
    ],
    synonyms: ['course code', 'unit code', 'module number'],
    seeAlso: ['standalone-module', 'transcript', 'certificate-of-study'],
    category: 'recognition',
  },
  {
    slug: 'diet',
    term: 'Diet',
    summary:
      'The period when exams or assessments take place, such as the May diet; your transcript may show the diet in which you passed.',
    body: [
      'In Scottish education, a diet is an exam period. For example, "the May 2025 diet" means the exams held in May 2025. It has nothing to do with food.',
      'If you do not pass the first time, you may be able to try again at a later diet. This is often called a resit.',
      'Transcripts often show the diet in which you passed, so a reader knows when you achieved the result.',
    ],
    synonyms: ['exam diet', 'examination diet', 'assessment diet', 'exam sitting'],
    seeAlso: ['transcript', 'mark', 'assessment'],
    category: 'recognition',
  },
  {
    slug: 'mark',
    term: 'Mark',
    summary:
      'The score you got in an assessment, such as a percentage or a grade, which may be shown on your transcript.',
    body: [
      'A mark shows how well you did. It might be a percentage such as 68%, a grade such as A, B or C, or simply pass or fail.',
      'Some micro-credentials are pass or fail only. Others give a mark, which employers or admissions teams may want to see.',
      'The EU lists "grade achieved" as an optional element of a micro-credential. The hub shows a mark only where the course gives one.',
    ],
    synonyms: ['grade', 'grade achieved', 'percentage mark'],
    seeAlso: ['assessment', 'transcript', 'diet'],
    category: 'recognition',
  },

  // ---------------------------------------------------------------- delivery
  {
    slug: 'offering',
    term: 'Offering',
    summary:
      'One run of a course, with its own dates, price, places and way of learning; a course can have many offerings.',
    body: [
      'A course describes what you learn. An offering, sometimes called an intake, is one run of that course: when it starts and ends, where it happens, how it is taught, what it costs and how many places there are.',
      'Example: a micro-credential in data analysis might run online in September and in person in January. Those are two offerings of the same course.',
      'Always check the dates, the delivery mode and the price of the offering you choose.',
    ],
    synonyms: ['intake', 'course intake', 'cohort', 'start date'],
    seeAlso: ['delivery-mode', 'complete-within', 'fully-funded'],
    category: 'delivery',
  },
  {
    slug: 'delivery-mode',
    term: 'Delivery mode',
    summary:
      'How a course is taught: online, hybrid (online and in person), in person, or at your workplace.',
    body: [
      'The delivery mode tells you where and how the learning happens. The hub uses four: online, hybrid, in person and workplace-based.',
      'Think about what fits your life. Online learning can fit around work and caring. In person gives you more contact with tutors and other learners. Hybrid mixes the two.',
      "In a 2022 QAA Scotland survey, about two thirds of micro-credentials were delivered online and one third were hybrid. Of the 12 colleges that replied, 11 also taught in person and 10 at learners' workplaces.",
    ],
    synonyms: ['mode of delivery', 'delivery method', 'mode of study', 'study mode', 'form of participation'],
    seeAlso: ['online', 'hybrid', 'in-person', 'workplace-based-learning'],
    category: 'delivery',
  },
  {
    slug: 'online',
    term: 'Online',
    summary:
      'Learning that happens entirely over the internet, through live sessions, videos, reading and online tasks.',
    body: [
      'An online course needs no travel. You learn through a website or an app. There may be live sessions at set times (synchronous), material you work through when it suits you (asynchronous), or both.',
      'Check what you need: a computer or tablet, a reliable internet connection, and sometimes a webcam for online assessment.',
      "Some institutions use another company's website to run online courses. The course page tells you if so.",
    ],
    synonyms: ['online learning', 'distance learning', 'e-learning', 'remote learning', 'fully online'],
    seeAlso: ['delivery-mode', 'synchronous', 'asynchronous', 'hybrid'],
    category: 'delivery',
  },
  {
    slug: 'hybrid',
    term: 'Hybrid',
    summary:
      'A course that mixes online learning with some time in person, for example weekly online study plus two days on campus.',
    body: [
      'Hybrid learning, also called blended learning, mixes online and in-person learning. Much of the work may be online, with some sessions in a classroom, lab or workshop.',
      'Example: a 10-credit micro-credential over 12 weeks, with online study each week and 2 days on campus for practical work.',
      'Check how many in-person days there are and where they are, so you can plan travel and time off work.',
    ],
    synonyms: ['blended', 'blended learning', 'hybrid learning'],
    seeAlso: ['delivery-mode', 'online', 'in-person'],
    category: 'delivery',
  },
  {
    slug: 'in-person',
    term: 'In person',
    summary: 'Learning that happens face to face, at a college, university or other venue, at set times.',
    body: [
      'In-person courses take place on a campus or at another venue. You meet your tutor and other learners face to face.',
      'This suits practical skills that need equipment, such as welding or first aid. It also suits people who like learning with others in the room.',
      'The course page shows the location, and the dates and times you need to be there.',
    ],
    synonyms: ['face to face', 'on campus', 'classroom-based'],
    seeAlso: ['delivery-mode', 'hybrid', 'synchronous'],
    category: 'delivery',
  },
  {
    slug: 'workplace-based-learning',
    term: 'Workplace-based learning',
    summary:
      'Learning that takes place at your workplace, often as part of your job, with a tutor who visits or supports you.',
    body: [
      'In workplace-based learning, much of the learning and assessment happens at your job. A tutor or assessor may visit, or you may collect evidence from your daily work.',
      "Employers often ask colleges to run courses this way for their staff. In a 2022 QAA Scotland survey, 10 of the 12 colleges that replied said they taught at learners' workplaces.",
      'It can be a good way to gain credits without taking much time away from work.',
    ],
    synonyms: ['workplace learning', 'work-based learning', 'at your workplace', 'on-the-job training'],
    seeAlso: ['delivery-mode', 'bespoke-course', 'recognition-of-prior-learning'],
    category: 'delivery',
  },
  {
    slug: 'synchronous',
    term: 'Synchronous',
    summary:
      'Learning that happens live, at a set time, with a tutor and other learners, whether in a room or online.',
    body: [
      'Synchronous means "at the same time". Examples are a live online class, a webinar, or a workshop on campus.',
      'The hub shows the synchronous contact time, so you know how much of your time is fixed. Example: a 20-credit micro-credential over 15 weeks might include 3 days of live sessions. You plan the rest yourself.',
      'The opposite is asynchronous learning, which you do at a time that suits you.',
    ],
    synonyms: ['live sessions', 'live teaching', 'real time', 'contact time', 'synchronous contact time'],
    seeAlso: ['asynchronous', 'notional-hours', 'delivery-mode'],
    category: 'delivery',
  },
  {
    slug: 'asynchronous',
    term: 'Asynchronous',
    summary:
      'Learning you do at a time that suits you, such as recorded videos, reading and online tasks, within the course deadlines.',
    body: [
      'Asynchronous means "not at the same time". You work through the material when it suits you, though there are usually deadlines.',
      'It suits people with jobs or caring duties, or who live in a different time zone. It needs good planning, because nobody tells you when to study.',
      'Most online courses mix asynchronous study with some synchronous (live) sessions.',
    ],
    synonyms: ['on demand', 'in your own time', 'recorded lectures'],
    seeAlso: ['synchronous', 'complete-within', 'online'],
    category: 'delivery',
  },
  {
    slug: 'complete-within',
    term: 'Complete within',
    summary:
      'A course with no fixed timetable that you finish at your own pace before a deadline, for example "complete within 12 weeks".',
    body: [
      'Some courses have no set start and end dates. Instead, you can start when you like and must finish within a time limit. This is often called self-paced.',
      'Example: "complete within 6 months" for a 10-credit micro-credential. That is about 100 hours of learning, so roughly 4 hours a week.',
      'In a 2022 QAA Scotland survey, 8 of the 12 universities and 4 of the 12 colleges that replied said some courses had no fixed length. Instead they were completed within a time frame, from 3 weeks to a year.',
    ],
    synonyms: ['self-paced', 'at your own pace', 'own pace', 'flexible start', 'roll-on roll-off'],
    seeAlso: ['asynchronous', 'offering', 'notional-hours'],
    category: 'delivery',
  },
  {
    slug: 'fully-funded',
    term: 'Fully funded',
    summary:
      'A course where the fees are paid for you, usually from public funding, so you pay nothing; check who is eligible.',
    body: [
      'Fully funded means you do not pay a fee. The money comes from somewhere else, often public funding for colleges and universities.',
      "Funding has come from schemes such as the Scottish Funding Council's (SFC) Upskilling Fund, which universities have used to offer free short courses, and the Flexible Workforce Development Fund, which helps employers pay for staff training, mainly at colleges. Schemes and their rules change from year to year.",
      'Funded places often have conditions, for example living in Scotland or being in work. The course page shows fee notes and who can apply.',
      'In a 2022 QAA Scotland survey, 11 of the 12 universities offering micro-credentials in 2020-21 said they used the SFC Upskilling Fund.',
    ],
    synonyms: [
      'free course',
      'funded place',
      'no fee',
      'SFC Upskilling Fund',
      'Upskilling Fund',
      'Flexible Workforce Development Fund',
      'FWDF',
    ],
    seeAlso: ['offering', 'skills-boost'],
    category: 'delivery',
  },

  // ---------------------------------------------------------------- pathways
  {
    slug: 'stackable',
    term: 'Stackable',
    summary:
      'Able to be added together with other credentials to build up to a larger award, such as a Certificate of Higher Education.',
    body: [
      'Stacking means collecting smaller pieces of learning and adding them up towards something bigger. Each piece keeps its own value, and together they can earn an award.',
      'Examples from the sector: seven modules adding up to 120 credits at SCQF level 7 can lead to a Certificate of Higher Education. Two short courses, in SAGE Accounting and in Payroll, plus one more unit, can lead to a professional award in book-keeping.',
      'Not everything stacks. In a 2022 QAA Scotland survey, 11 of 24 institutions said their micro-credentials could be stacked, and most of those only within the same institution. The hub shows what each course could count towards.',
    ],
    synonyms: ['stacking', 'stackability', 'stackable credential', 'credit accumulation'],
    seeAlso: ['pathway', 'transferable', 'certificate-of-higher-education', 'scqf-credit'],
    category: 'pathways',
  },
  {
    slug: 'transferable',
    term: 'Transferable',
    summary:
      'Credits that another course or institution will accept, so you do not have to repeat learning you have already done.',
    body: [
      'Credit transfer means taking credits you earned in one place and having them counted somewhere else. For example, 20 credits from one university could count towards a course at another.',
      'The institution receiving the credits decides. It looks at the level, the credits, the learning outcomes and how recent the learning is.',
      'The hub shows whether a micro-credential is transferable only within the same institution, or at other institutions too. In a 2022 QAA Scotland survey, 15 of 24 institutions said theirs could transfer both within and outside the institution.',
    ],
    synonyms: ['credit transfer', 'transferability', 'transfer credit', 'transferable credit'],
    seeAlso: ['stackable', 'articulation', 'recognition-of-prior-learning'],
    category: 'pathways',
  },
  {
    slug: 'articulation',
    term: 'Articulation',
    summary:
      'An agreement between institutions that lets you move on from one course to the next, often into a later year, with your credit recognised.',
    body: [
      'In Scotland, articulation usually means moving from college to university with credit. For example, with an HNC you might start a degree in year 2, and with an HND in year 3.',
      'A recognition agreement is the written deal behind this. It says which courses, credits or micro-credentials one institution will accept from another, and what they count towards.',
      'The hub keeps a register of these agreements, so you can see what your micro-credentials could count towards elsewhere.',
    ],
    synonyms: [
      'articulation agreement',
      'recognition agreement',
      'progression agreement',
      'advanced entry',
      'advanced standing',
    ],
    seeAlso: ['transferable', 'pathway', 'stackable'],
    category: 'pathways',
  },
  {
    slug: 'recognition-of-prior-learning',
    term: 'Recognition of prior learning',
    summary:
      'Getting credit for what you already know from work, life or earlier study, so you do not have to learn it again; often called RPL.',
    body: [
      'RPL recognises learning you have already done, in a job, as a volunteer or on a course. You show evidence, such as examples of your work or a reference, against the learning outcomes.',
      'There are two kinds. Formative RPL helps you see what you know and plan your next steps, but gives no credit. Summative RPL gives credit that can count towards an award.',
      'Credit from RPL can be specific (towards a named course) or general (a number of SCQF credits at a level). Example: years of running a team might earn you 20 general credits at SCQF level 8.',
      'Most awards limit how much of them can come from RPL. The pathway rules on the hub show this limit.',
    ],
    synonyms: [
      'RPL',
      'APL',
      'accreditation of prior learning',
      'prior learning',
      'APEL',
      'accreditation of prior experiential learning',
      'credit for prior learning',
    ],
    seeAlso: ['learning-outcome', 'pathway', 'transferable'],
    category: 'pathways',
  },
  {
    slug: 'certificate-of-higher-education',
    term: 'Certificate of Higher Education',
    summary:
      'A university award of at least 120 SCQF credits, at least 90 of them at level 7: the size of one year of full-time study.',
    body: [
      'A Certificate of Higher Education (CertHE) is an award at SCQF level 7. It needs at least 120 SCQF credits, with at least 90 of them at level 7. That is the same as one full-time year, or 60 ECTS credits.',
      'You can build one by stacking smaller pieces. An example from the sector: seven modules adding up to 120 credits at SCQF level 7 can lead to a Certificate of Higher Education in a named subject.',
      "The hub's pathway planner shows how close your credits bring you to an award like this.",
    ],
    synonyms: ['CertHE', 'Certificate of HE'],
    seeAlso: ['pathway', 'stackable', 'scqf-level'],
    category: 'pathways',
  },
  {
    slug: 'pathway',
    term: 'Pathway',
    summary:
      'The rules for building smaller credentials into an award: which parts are required, what you can choose, and how many credits at which level.',
    body: [
      'A pathway describes an award you can work towards and what you need for it. For example: 120 credits in total, at least 90 of them at SCQF level 7, two required modules, and any two from a list of options.',
      'Pathways can also set limits. For example, credits may need to be recent, and only a certain amount may come from RPL or from another institution.',
      'The hub checks your record against a pathway and tells you what already counts and what is still missing. Each credit counts only once.',
    ],
    synonyms: ['stacking rule', 'stacking pathway', 'named award', 'target award', 'award pathway'],
    seeAlso: [
      'stackable',
      'certificate-of-higher-education',
      'recognition-of-prior-learning',
      'articulation',
    ],
    category: 'pathways',
  },
];
