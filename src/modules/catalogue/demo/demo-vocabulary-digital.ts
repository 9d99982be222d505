/**
 * Demo vocabularies for business, digital and data subjects. Employers and professional bodies are real
 * Scottish and UK organisations, named only so the demo reads like the sector; no partnership
 * they appear in is real.
 */
import { audience, award, goal, type SubjectVocabulary } from './demo-vocabulary-types.ts';

export const DIGITAL_SUBJECTS: SubjectVocabulary[] = [
  {
    slug: 'business-and-management',
    name: 'Business and management',
    surveyName: 'business and management',
    fallbackWeight: 0,
    leaning: null,
    stems: [
      'Leadership for New Managers|leadership',
      'Project Management',
      'Book-keeping with SAGE|book-keeping with SAGE',
      'Payroll',
      'Digital Marketing',
      'Social Media Marketing',
      'Managing People',
      'Change Management',
      'Business Data Analysis',
      'Finance for Non-financial Managers|finance',
      'Entrepreneurship',
      'Coaching and Mentoring',
      'Operations Management',
      'Customer Service Excellence|customer service',
      'Equality, Diversity and Inclusion at Work|equality, diversity and inclusion',
      'Strategic Leadership',
      'Supply Chain Management',
      'Agile Project Management',
      'Human Resource Management',
      'Employment Law',
      'Negotiation Skills',
      'Data-driven Decision Making',
      'Lean and Continuous Improvement',
      'Managing Remote Teams',
      'Risk Management',
      'Public Procurement',
      'Leading Digital Transformation|digital transformation',
    ],
    topics: [
      'budgeting and cash flow',
      'team leadership',
      'stakeholder management',
      'project planning and risk',
      'managing performance',
      'customer data',
      'marketing strategy',
      'financial records',
      'business planning',
      'managing change',
      'wellbeing at work',
      'tax, pensions and employment rules',
    ],
    topicsOnly: {
      'budgeting and cash flow':
        /Finance|Book-keeping|Payroll|Entrepreneurship|Small Businesses|Project|Operations|Procurement|Third Sector|Data|Marketing/,
      'team leadership':
        /Leadership|Managing|Managers|Coaching|Change|Agile|Operations|Human Resource|Project|Transformation|Customer|Lean/,
      'stakeholder management':
        /Project|Agile|Change|Transformation|Procurement|Supply|Risk|Strategic|Leadership|Negotiation|Operations|Equality|Third Sector/,
      'project planning and risk':
        /Project|Agile|Change|Transformation|Risk|Operations|Lean|Procurement|Supply|Data/,
      'managing performance':
        /Managing|Leadership|Human Resource|Coaching|Operations|Lean|Employment|Managers|Customer|Supply/,
      'customer data':
        /Marketing|Customer|Data|Analysis|Small Businesses|Entrepreneurship|Transformation|Decision/,
      'marketing strategy':
        /Marketing|Entrepreneurship|Customer|Small Businesses|Third Sector|Strategic|Transformation/,
      'financial records': /Book-keeping|Payroll|Finance|Entrepreneurship|Small Businesses|Risk|Procurement/,
      'business planning':
        /Entrepreneurship|Small Businesses|Finance|Strategic|Operations|Third Sector|Leadership|Risk|Supply|Transformation|Marketing|Negotiation/,
      'managing change':
        /Change|Leadership|Transformation|Lean|Operations|Agile|Managing|Strategic|Human Resource|Project|Equality|Employment/,
      'wellbeing at work':
        /Managing|Leadership|Human Resource|Employment|Equality|Coaching|Managers|Negotiation/,
      'tax, pensions and employment rules':
        /Payroll|Book-keeping|Employment|Human Resource|Finance|Small Businesses|Entrepreneurship/,
    },
    audiences: [
      audience('people starting out in business and administration', 'new', 4, 6),
      audience('school leavers and people returning to work', 'new', 4, 6, {
        not: /Strategic|Procurement|Operations|Human Resource|Transformation/,
      }),
      audience('administrators and office staff', 'staff', 4, 8),
      audience('people setting up their own business', 'new', 4, 8, {
        settings: ['your business', 'a small business'],
        only: /Entrepreneurship|Book-keeping|Payroll|Marketing|Finance|Customer|Small Businesses|Negotiation/,
        named: /Small Businesses/,
      }),
      audience('small business owners', 'lead', 5, 10, {
        named: /Small Businesses/,
        not: /Public Procurement|Strategic|Transformation/,
        settings: ['your business', 'a small business'],
      }),
      audience('finance and payroll staff', 'staff', 5, 9, { only: /Book-keeping|Payroll|Finance for|Data/ }),
      audience('marketing and communications staff', 'staff', 6, 10, {
        only: /Marketing|Customer|Data|Equality/,
      }),
      audience('project officers and coordinators', 'staff', 6, 10, {
        only: /Project|Agile|Change|Risk|Lean|Data|Transformation|Procurement/,
      }),
      audience('HR and people professionals', 'staff', 7, 11, {
        only: /Human Resource|Employment Law|Equality|Managing People|Coaching|Change|Remote/,
      }),
      audience('staff in charities and voluntary organisations', 'staff', 5, 10, {
        named: /Third Sector/,
        settings: ['a charity or social enterprise', 'your organisation'],
      }),
      audience('managers in charities and social enterprises', 'lead', 6, 11, {
        named: /Third Sector/,
        settings: ['a charity or social enterprise', 'your organisation'],
      }),
      audience('supervisors and team leaders', 'lead', 6, 9),
      audience('new and aspiring managers', 'lead', 6, 10, { named: /New Managers/ }),
      audience('managers who have recently stepped up', 'lead', 9, 12, {
        named: /New Managers/,
        only: /New Managers|Managing|Leadership|Coaching|Human Resource|Employment/,
      }),
      audience('managers without a finance background', 'lead', 6, 11, {
        named: /Non-financial Managers/,
        only: /Non-financial/,
      }),
      audience('graduates starting a career in business', 'staff', 9, 10, {
        not: /Book-keeping|Payroll|Strategic Leadership|Transformation/,
      }),
      audience('team leaders and managers in the public sector', 'lead', 8, 11, {
        not: /Small Businesses/,
        settings: ['a public-sector team', 'your organisation'],
      }),
      audience('procurement and supply chain professionals', 'expert', 9, 12, {
        only: /Procurement|Supply Chain|Operations|Risk|Lean/,
      }),
      audience('experienced managers and senior leaders', 'lead', 10, 12),
      audience('experienced professionals moving into senior roles', 'expert', 10, 12, {
        not: /Book-keeping|Payroll|Customer Service/,
      }),
    ],
    goals: [
      goal('lead a team with confidence', { roles: ['lead'] }),
      goal('get the best from the people you manage', { roles: ['lead'] }),
      goal('take the next step into management', {
        roles: ['new', 'staff'],
        minLevel: 6,
        maxLevel: 9,
        who: /^(?!people setting|small business)/,
      }),
      goal('take on more responsibility at work', {
        roles: ['new', 'staff'],
        maxLevel: 10,
        who: /^(?!people setting|small business)/,
      }),
      goal('apply good practice in your own organisation'),
      goal('run projects on time and on budget', { only: /Project|Agile|Change|Operations|Transformation/ }),
      goal('keep accurate financial records', { only: /Book-keeping|Payroll|Finance/ }),
      goal('pay staff correctly and on time', { only: /Payroll/ }),
      goal('understand the numbers behind your decisions', { only: /Finance|Book-keeping|Data|Risk/ }),
      goal('grow your business', { who: /business owners|own business/ }),
      goal('turn your idea into a business that lasts', {
        only: /Entrepreneurship|Small Businesses/,
        who: /own business|owners|starting/,
      }),
      goal('make better decisions with data', { only: /Data|Analysis|Operations|Risk|Transformation/ }),
      goal('reach more customers online', { only: /Marketing|Digital|Customer/ }),
      goal('keep clients coming back', { only: /Customer|Marketing|Negotiation/ }),
      goal('handle difficult conversations at work', {
        only: /Managing People|Human Resource|Employment|Coaching|Negotiation|Remote|Equality/,
      }),
      goal('handle staffing issues fairly and lawfully', {
        only: /Human Resource|Employment|Managing People/,
        roles: ['staff', 'lead', 'expert'],
      }),
      goal('make your workplace fairer and more inclusive', {
        only: /Equality|Human Resource|Employment|Managing People/,
      }),
      goal('bring out the best in colleagues', { only: /Coaching|Managing People|Leadership/ }),
      goal('cut waste and improve the way your organisation works', {
        only: /Lean|Operations|Supply|Continuous|Change|Transformation|Procurement/,
      }),
      goal('lead change in your organisation', { roles: ['lead', 'expert'], minLevel: 8 }),
      goal('buy goods and services well and within the rules', { only: /Procurement|Supply/ }),
      goal('agree deals that work for both sides', { only: /Negotiation|Procurement|Supply/ }),
      goal('spot risks early and plan for them', { only: /Risk|Project|Agile|Supply|Operations/ }),
      goal('keep a dispersed team connected and productive', { only: /Remote/ }),
      goal('shape the direction of your organisation', { roles: ['lead', 'expert'], minLevel: 10 }),
    ],
    settings: ['your organisation', 'a small business', 'a public-sector team'],
    titlePatterns: [
      {
        text: '{X} for Small Businesses',
        only: /^(?!Public|Strategic|Operations|Supply|Managing Remote|Leading)/,
      },
      { text: '{X} for the Third Sector', only: /^(?!Book-keeping|Payroll|Public)/ },
    ],
    forManagers:
      /^(Project Management|Digital Marketing|Social Media|Change Management|Business Data|Customer Service|Supply Chain|Agile Project|Employment Law|Negotiation|Data-driven|Lean|Risk Management|Public Procurement|Coaching|Equality)/,
    keywords: [
      'business',
      'management',
      'leadership',
      'finance',
      'accounting',
      'marketing',
      'HR',
      'projects',
      'manager',
      'digital',
      'entrepreneurship',
      'strategy',
      'CPD',
    ],
    awards: [
      award(
        'Certificate of Higher Education in Business (120 credits, at least 90 at SCQF level 7)',
        7,
        8,
        'university',
      ),
      award('Professional Award in Book-keeping', 5, 7, 'college'),
      award('HNC Business', 7, 7, 'college'),
      award('HND Business', 8, 8, 'college'),
      award('SVQ Business and Administration at SCQF level 6', 5, 6, 'college'),
      award('Graduate Certificate in Business Management', 9, 10, 'university'),
      award('PgCert Leadership and Management', 11, 11, 'university'),
      award('Executive MBA', 11, 11, 'university'),
    ],
    accreditors: [
      'Chartered Management Institute (CMI)',
      'CIPD',
      'Institute of Leadership and Management (ILM)',
      'Association of Accounting Technicians (AAT)',
      'Association for Project Management (APM)',
    ],
    employers: [
      'Scottish Enterprise',
      'Business Gateway',
      'Highlands and Islands Enterprise',
      'South of Scotland Enterprise',
      'NatWest Group',
    ],
    psrbs: ['Chartered Management Institute (CMI)', 'CIPD', 'Association of Accounting Technicians (AAT)'],
    consortia: ['Scottish Chambers of Commerce', 'Federation of Small Businesses Scotland'],
    assessments: ['coursework', 'project', 'portfolio', 'online-quiz', 'exam'],
  },
  {
    slug: 'computing-and-digital',
    name: 'Computing and digital',
    surveyName: 'computing',
    fallbackWeight: 0,
    leaning: null,
    stems: [
      'Cyber Security',
      'Cloud Fundamentals|cloud computing',
      'Python Programming|programming in Python',
      'Web Accessibility',
      'Web Development',
      'Software Testing',
      'Network Fundamentals|computer networking',
      'Linux Administration|Linux system administration',
      'Digital Skills for Work|everyday digital skills',
      'Ethical Hacking',
      'Cyber Resilience for Small Businesses|cyber resilience',
      'DevOps|DevOps',
      'Mobile App Development',
      'User Experience (UX) Design|user experience design',
      'Microsoft Excel|spreadsheets in Microsoft Excel',
      'Computer Games Development',
      'IT Support|IT support',
      'Digital Forensics',
      'Secure Software Development',
      'Cloud Security',
      'Databases and SQL|databases and SQL',
      'Internet of Things|the Internet of Things',
      'Coding for Beginners|coding',
      'Digital Accessibility',
      'Agile Software Development',
    ],
    topics: [
      'secure passwords and multi-factor authentication',
      'cloud services',
      'version control with Git',
      'accessible web design',
      'network security',
      'troubleshooting hardware and software',
      'writing and testing code',
      'incident response',
      'user research',
      'prototyping and usability testing',
      'plain language and clear content',
      'phishing and social engineering',
      'logging and monitoring',
      'data protection and GDPR',
    ],
    topicsOnly: {
      'secure passwords and multi-factor authentication':
        /Cyber|Security|Secure|Hacking|Cloud|Digital Skills|IT Support|Linux|Network|Forensics|Internet|Small Businesses/,
      'cloud services':
        /Cloud|DevOps|Web Development|Digital Skills|IT Support|Small Businesses|Internet|Linux|Database|Mobile|Excel|Testing/,
      'version control with Git': /Python|Coding|Software|DevOps|Web Development|Mobile|Games|Agile|Linux/,
      'accessible web design': /Web|Accessibility|UX|User Experience|Mobile/,
      'network security': /Cyber|Security|Network|Hacking|Forensics|Linux|Cloud|Internet/,
      'troubleshooting hardware and software': /IT Support|Digital Skills|Network|Linux|Excel|Internet/,
      'writing and testing code':
        /Python|Coding|Software|DevOps|Web|Mobile|Games|Agile|Database|Internet|Secure|Accessibility/,
      'incident response': /Cyber|Security|Hacking|Forensics|Network|Linux|Cloud/,
      'user research': /UX|User Experience|Accessibility|Web|Mobile|Games|Agile/,
      'prototyping and usability testing': /UX|User Experience|Accessibility|Web|Mobile|Games/,
      'plain language and clear content': /UX|User Experience|Accessibility|Web|Digital Skills/,
      'phishing and social engineering':
        /Cyber|Security|Secure|Hacking|Forensics|Small Businesses|Digital Skills|Network/,
      'logging and monitoring': /Cyber|Security|Cloud|DevOps|Linux|Network|Forensics|Internet|Testing/,
    },
    audiences: [
      audience('complete beginners', 'new', 4, 7, {
        named: /Beginners/,
        not: /Forensics|Hacking|Secure Software|Cloud Security|DevOps|Linux|Agile/,
      }),
      audience('school leavers interested in a career in tech', 'new', 4, 6),
      audience('people who want to build confidence with computers', 'new', 4, 6, {
        settings: ['everyday life', 'your workplace'],
        only: /Digital Skills|Excel|Beginners|IT Support|Cyber Resilience/,
      }),
      audience('career changers moving into tech', 'new', 5, 8, {
        not: /Digital Skills|Cyber Resilience for Small Businesses/,
      }),
      audience('office staff who use spreadsheets and online tools', 'staff', 4, 8, {
        settings: ['your workplace', 'an office'],
        only: /Digital Skills|Excel|Accessibility|Cyber Resilience|Cyber Security/,
      }),
      audience('people working in IT support', 'staff', 5, 9, {
        not: /Games|Mobile App|UX|User Experience|Digital Skills/,
      }),
      audience('staff in small businesses who look after IT', 'staff', 5, 9, {
        named: /Small Businesses/,
        only: /Cyber|Cloud|Digital|Excel|IT Support|Network|Web|Accessibility|Small Businesses/,
      }),
      audience('small business owners', 'lead', 5, 10, {
        named: /Small Businesses/,
        only: /Cyber|Cloud|Digital|Excel|Web Accessibility|Small Businesses/,
      }),
      audience('designers and content editors', 'staff', 6, 10, {
        only: /Accessibility|UX|User Experience|Web Development/,
      }),
      audience('computing graduates and junior developers', 'staff', 8, 10, {
        not: /Digital Skills|Excel|IT Support|Cyber Resilience/,
      }),
      audience('developers who want to update their skills', 'staff', 7, 11, {
        only: /Python|Web|Software|DevOps|Mobile|Games|Database|SQL|Cloud|Internet|Accessibility|UX|User Experience|Secure/,
      }),
      audience('IT professionals moving into cyber security', 'staff', 8, 11, {
        only: /Cyber Security|Hacking|Forensics|Secure|Cloud Security|Network|Linux/,
      }),
      audience('public-sector digital teams', 'staff', 7, 11, {
        not: /Games|Excel|Digital Skills|Small Businesses/,
        settings: ['a public-sector team', 'your organisation'],
      }),
      audience('IT managers and team leads', 'lead', 8, 12, { not: /Games|Digital Skills|Excel/ }),
      audience('experienced IT and security professionals', 'expert', 10, 12, {
        only: /Cyber|Hacking|Forensics|Secure|Security|Network|Linux|Cloud|DevOps|Internet/,
      }),
      audience('senior developers and technical architects', 'expert', 10, 12, {
        only: /Cloud|DevOps|Software|Web Development|Mobile|Database|SQL|Internet|Python|Accessibility|UX|User Experience/,
      }),
    ],
    goals: [
      goal('move into a tech role', {
        who: /beginners|career changers|school leavers|confidence with computers|office staff/,
      }),
      goal('gain an industry-recognised IT skill', { roles: ['new', 'staff'], maxLevel: 9 }),
      goal('keep up with fast-changing technology', { roles: ['staff', 'lead', 'expert'] }),
      goal('take on more senior technical work', { roles: ['staff'], minLevel: 7 }),
      goal('lead technical teams and projects', { roles: ['lead', 'expert'], minLevel: 8 }),
      goal('protect your organisation from cyber attacks', {
        only: /Cyber|Hacking|Secure|Security|Forensics|Network|Linux|Cloud/,
        roles: ['staff', 'lead', 'expert'],
      }),
      goal('spot and stop attacks before they do harm', {
        only: /Security|Hacking|Forensics|Cyber|Network/,
      }),
      goal('keep your systems and data safe', {
        only: /Cyber|Security|Linux|Network|Cloud|Database|SQL|Excel/,
      }),
      goal('investigate security incidents and present what you find', {
        only: /Forensics|Hacking|Security/,
      }),
      goal('build and test your own applications', {
        only: /Python|Coding|Development|Software|DevOps|Mobile|Games|Agile|Database|SQL|Internet/,
      }),
      goal('write code that others can read and maintain', {
        only: /Python|Coding|Software|DevOps|Agile|Web Development|Mobile/,
      }),
      goal('deliver software faster and more reliably', {
        only: /DevOps|Agile|Testing|Cloud|Secure Software/,
      }),
      goal('run services that scale and stay secure', { only: /Cloud|DevOps|Linux|Network/ }),
      goal('make websites that everyone can use', { only: /Web|Accessibility|UX|User Experience/ }),
      goal('design services that work for disabled users', { only: /Accessibility|UX|User Experience|Web/ }),
      goal('work faster and smarter with everyday software', { only: /Digital Skills|Excel/ }),
      goal('fix common IT problems yourself', {
        only: /IT Support|Linux|Network|Digital Skills|Cyber Resilience/,
      }),
      goal('organise and query your data with confidence', { only: /Database|SQL|Excel/ }),
      goal('connect devices and make use of what they measure', { only: /Internet of Things/ }),
      goal('turn a game idea into something people can play', { only: /Games/ }),
    ],
    settings: ['your organisation', 'a software team', 'a small business'],
    titlePatterns: [
      {
        text: '{X} for Beginners',
        only: /^(Python|Web Development|Microsoft Excel|Mobile App|Computer Games|Cyber Security|Databases|IT Support|Web Accessibility)/,
      },
      {
        text: '{X} for Small Businesses',
        only: /^(Cyber Security|Web|Microsoft Excel|IT Support|Cloud|Digital Accessibility|Databases)/,
      },
    ],
    forManagers:
      /^(Cyber Security|Cloud Security|Web Accessibility|Digital Accessibility|Agile Software|DevOps|Software Testing|Digital Forensics|Internet of Things|User Experience)/,
    keywords: [
      'IT',
      'coding',
      'programming',
      'software',
      'cyber',
      'security',
      'digital',
      'cloud',
      'computing',
      'tech',
      'web',
      'data',
      'networks',
      'AI',
    ],
    awards: [
      award('NPA Cyber Security', 4, 6, 'college'),
      award('HNC Computing', 7, 7, 'college'),
      award('HND Computing: Software Development', 8, 8, 'college'),
      award(
        'Certificate of Higher Education in Computing (120 credits, at least 90 at SCQF level 7)',
        7,
        8,
        'university',
      ),
      award('Graduate Certificate in Cyber Security', 9, 10, 'university'),
      award('PgCert Cyber Security', 11, 11, 'university'),
      award('PgCert Software Development', 11, 11, 'university'),
    ],
    accreditors: [
      'BCS, The Chartered Institute for IT',
      'National Cyber Security Centre (NCSC)',
      'Cisco Networking Academy',
    ],
    employers: [
      'Police Scotland',
      'Scottish Government',
      'NatWest Group',
      'Skills Development Scotland',
      'Scottish Enterprise',
    ],
    psrbs: ['BCS, The Chartered Institute for IT'],
    consortia: ['ScotlandIS', 'Cyber and Fraud Centre Scotland'],
    assessments: ['project', 'practical', 'online-quiz', 'coursework', 'exam'],
  },
  {
    slug: 'data-and-ai',
    name: 'Data and artificial intelligence',
    // The survey counted data work under computing; the demo gives it its own subject.
    surveyName: null,
    fallbackWeight: 5,
    leaning: 'university',
    stems: [
      'Data Analysis with Python|data analysis in Python',
      'Data Visualisation',
      'Machine Learning',
      'Data Ethics',
      'Data Analysis with Excel|data analysis in Excel',
      'Power BI Dashboards|dashboards in Power BI',
      'SQL for Data Analysis|SQL for data analysis',
      'Statistics for Data Science|statistics',
      'Artificial Intelligence for Business|artificial intelligence',
      'Generative AI in the Workplace|generative AI',
      'Data Literacy',
      'Data Science',
      'Data Governance',
      'Big Data Technologies',
      'Natural Language Processing',
      'Data Engineering',
      'Data Protection and GDPR|data protection and GDPR',
      'Deep Learning',
      'Health Data Science',
      'Data Storytelling',
      'Responsible AI|responsible AI',
      'Geospatial Data Analysis',
      'R for Data Analysis|data analysis in R',
    ],
    topics: [
      'cleaning and preparing data',
      'exploratory data analysis',
      'charts and dashboards',
      'regression and classification',
      'bias and fairness in algorithms',
      'data quality',
      'open data',
      'privacy and data protection',
      'communicating with data',
    ],
    audiences: [
      audience('complete beginners', 'new', 4, 7, {
        named: /Beginners/,
        not: /Deep|Natural|Big Data|Data Engineering|Governance|Geospatial/,
      }),
      audience('school leavers and people new to working with data', 'new', 4, 6, {
        not: /Deep Learning|Big Data|Engineering|Governance|Natural Language|Geospatial/,
      }),
      audience('people who use spreadsheets at work', 'staff', 4, 8, {
        only: /Excel|Power BI|Visualisation|Literacy|Beginners|Storytelling|SQL|Analysis|Protection|Generative/,
      }),
      audience('office and admin staff who handle data', 'staff', 5, 8, {
        only: /Excel|Power BI|Literacy|Protection|Generative|Visualisation|Ethics|SQL/,
      }),
      audience('public-sector staff working with data', 'staff', 6, 10, {
        named: /Public Services/,
        settings: ['a public service', 'your organisation'],
      }),
      audience('analysts who want to work with larger data sets', 'staff', 8, 11, {
        only: /Python|SQL|R for|Big Data|Engineering|Machine|Science|Statistic|Geospatial|Visualisation|Power BI|Analysis|Deep|Natural/,
      }),
      audience('graduates moving into data science', 'staff', 9, 10, {
        not: /Excel|Literacy|Generative|Power BI/,
      }),
      audience('health and care staff who work with patient data', 'staff', 7, 11, {
        only: /Health Data|Protection|Ethics|Governance|Visualisation/,
        settings: ['a health and care service', 'your organisation'],
      }),
      audience('people in any role who want to use AI tools well', 'staff', 5, 9, {
        only: /Generative|Artificial|Responsible/,
      }),
      audience('managers who need to make sense of data', 'lead', 7, 11),
      audience('data protection and information governance leads', 'lead', 8, 12, {
        only: /Protection|Governance|Ethics|Responsible|Health Data/,
      }),
      audience('senior leaders planning how their organisation uses data and AI', 'lead', 10, 12, {
        only: /Artificial|Generative|Responsible|Ethics|Governance|Literacy|Big Data|Public Services/,
      }),
      audience('experienced analysts and data scientists', 'expert', 10, 12, {
        only: /Machine|Deep|Natural|Big Data|Engineering|Science|Statistic|Geospatial|Python|R for|SQL|Visualisation|Storytelling|Responsible|Ethics/,
      }),
      audience('health researchers', 'expert', 10, 12, { only: /Health Data|Statistics|Machine|R for/ }),
      audience('planners and environmental scientists', 'expert', 9, 12, { only: /Geospatial/ }),
    ],
    goals: [
      goal('turn data into decisions', { minLevel: 6 }),
      goal('make better use of the data you already hold'),
      goal('move into a data or AI role', { roles: ['new', 'staff'], maxLevel: 10, who: /^(?!health)/ }),
      goal('lead the responsible use of data in your organisation', { roles: ['lead', 'expert'] }),
      goal('use AI safely and responsibly at work', {
        only: /AI|Artificial|Generative|Responsible|Ethics|Machine|Natural|Deep/,
      }),
      goal('build dashboards that people actually use', {
        only: /Dashboards|Visualisation|Power BI|Excel|Storytelling/,
      }),
      goal('answer real questions with evidence', {
        only: /Analysis|Python|R for|SQL|Statistics|Science|Excel|Geospatial/,
      }),
      goal('present findings in a way that gets people to act', {
        only: /Storytelling|Visualisation|Dashboards|Literacy|Statistics|Power BI/,
      }),
      goal('build and evaluate predictive models', {
        only: /Machine|Deep|Science|Statistics|Natural|Python|R for|Big Data/,
        roles: ['new', 'staff', 'expert'],
        minLevel: 7,
      }),
      goal('handle personal data lawfully and with care', {
        only: /Protection|Governance|Ethics|Health Data|Responsible/,
      }),
      goal('build data pipelines that others can trust', { only: /Engineering|Big Data|SQL|Governance/ }),
      goal('question the numbers you are given', { only: /Literacy|Statistics|Ethics|Storytelling/ }),
      goal('map patterns that tables alone would hide', { only: /Geospatial/ }),
      goal('get more done with less routine work', { only: /Generative|Artificial|Excel|Python/ }),
    ],
    settings: ['your organisation', 'a public service', 'a data team'],
    titlePatterns: [
      {
        text: '{X} for Public Services',
        minLevel: 6,
        only: /^(?!Health Data|Deep|Big Data|Natural|Statistics for|SQL for|R for)/,
      },
      {
        text: '{X} for Beginners',
        only: /^(Data Visualisation|Machine Learning|Data Literacy|Data Science)$/,
      },
    ],
    forManagers:
      /^(Data Visualisation|Machine Learning|Data Ethics|Data Literacy|Data Science|Data Governance|Big Data|Data Engineering|Data Storytelling|Responsible AI|Data Protection)/,
    keywords: [
      'data',
      'data science',
      'analytics',
      'AI',
      'artificial intelligence',
      'machine learning',
      'statistics',
      'Python',
      'Excel',
      'dashboards',
      'digital',
      'coding',
      'SQL',
    ],
    awards: [
      award('NPA Data Science', 4, 6, 'college'),
      award('HNC Data Science', 7, 7, 'college'),
      award('Graduate Certificate in Data Analytics', 9, 10, 'university'),
      award('PgCert Data Science', 11, 11, 'university'),
      award('PgCert Artificial Intelligence', 11, 11, 'university'),
    ],
    accreditors: ['Royal Statistical Society (RSS)', 'BCS, The Chartered Institute for IT'],
    employers: [
      'Public Health Scotland',
      'NHS National Services Scotland',
      'Scottish Government',
      'NatWest Group',
    ],
    psrbs: ['Royal Statistical Society (RSS)'],
    consortia: ['The Data Lab', 'Scottish AI Alliance'],
    assessments: ['project', 'coursework', 'practical', 'online-quiz'],
  },
];
