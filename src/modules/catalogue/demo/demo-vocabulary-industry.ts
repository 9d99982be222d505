/**
 * Demo vocabularies for technical, construction and land-based subjects. Employers and professional bodies are real
 * Scottish and UK organisations, named only so the demo reads like the sector; no partnership
 * they appear in is real.
 */
import { audience, award, goal, type SubjectVocabulary } from './demo-vocabulary-types.ts';

export const INDUSTRY_SUBJECTS: SubjectVocabulary[] = [
  {
    slug: 'sustainability-and-net-zero',
    name: 'Sustainability and net zero',
    surveyName: 'sustainability',
    fallbackWeight: 0,
    leaning: null,
    stems: [
      'Carbon Literacy',
      'Heat Pump Installation Awareness|heat pump installation',
      'Net Zero Strategy',
      'Climate Change Adaptation',
      'Circular Economy|the circular economy',
      'Sustainable Procurement',
      'Energy Efficiency in Buildings',
      'Renewable Energy Systems',
      'Solar PV Installation|solar PV installation',
      'Electric Vehicle Charging',
      'Hydrogen Economy|the hydrogen economy',
      'Offshore Wind',
      'Environmental Management Systems',
      'Retrofit Coordination',
      'Sustainability Reporting and Data|sustainability reporting',
      'Climate Justice',
      'Biodiversity Net Gain|biodiversity',
      'Green Skills for Business|green skills',
      'Decarbonising Transport',
      'Low Carbon Heating',
      'Leadership for Net Zero|leadership for net zero',
    ],
    topics: [
      'carbon footprints',
      'climate risk',
      'energy use in buildings',
      'low-carbon technologies',
      'sustainable supply chains',
      'net zero targets',
      'waste and resource use',
      'climate reporting',
      'behaviour change',
    ],
    audiences: [
      audience('school leavers interested in green jobs', 'new', 4, 6, {
        not: /Strategy|Reporting|Leadership|Procurement|Justice|Management|Business/,
      }),
      audience('community groups and volunteers', 'new', 4, 7, {
        only: /Carbon Literacy|Climate|Biodiversity|Circular|Green Skills|Energy Efficiency/,
        settings: ['your community', 'homes and public buildings'],
      }),
      audience('anyone who wants to act on climate change at work', 'staff', 4, 8, {
        not: /Installation|Installers|Hydrogen|Offshore|Retrofit|Low Carbon Heating|Electric Vehicle/,
      }),
      audience('electricians and plumbers moving into low-carbon work', 'staff', 5, 8, {
        named: /Installers/,
        only: /Heat Pump|Solar|Electric Vehicle|Low Carbon Heating|Energy Efficiency|Retrofit|Renewable|Installers/,
        settings: ['homes and small buildings', 'installation work'],
      }),
      audience('installers and building services engineers', 'staff', 6, 9, {
        named: /Installers/,
        only: /Heat Pump|Solar|Electric Vehicle|Low Carbon Heating|Energy Efficiency|Retrofit|Renewable|Installers/,
        settings: ['homes and public buildings', 'installation work'],
      }),
      audience('small business owners', 'lead', 5, 9, {
        named: /for Business/,
        only: /Carbon|Green|Circular|Energy Efficiency|Procurement|Net Zero|Reporting|Transport|Business/,
        settings: ['your business'],
      }),
      audience('public-sector staff working towards net zero targets', 'staff', 6, 10, {
        not: /Business|Installers|Installation/,
        settings: ['your organisation', 'homes and public buildings'],
      }),
      audience('procurement and supply chain staff', 'staff', 6, 10, { only: /Procurement|Circular|Green/ }),
      audience('people moving from oil and gas into renewables', 'staff', 6, 10, {
        only: /Renewable|Hydrogen|Offshore|Solar|Wind|Electric Vehicle/,
        settings: ['an energy project'],
      }),
      audience('retrofit assessors and coordinators', 'staff', 7, 10, {
        only: /Retrofit|Energy Efficiency|Heating|Heat Pump/,
        settings: ['homes and public buildings'],
      }),
      audience('managers responsible for sustainability', 'lead', 7, 11, { named: /for Business/ }),
      audience('engineers in the energy sector', 'staff', 8, 11, {
        only: /Renewable|Hydrogen|Offshore|Solar|Heating|Energy|Electric|Decarbonising/,
        settings: ['an energy project'],
      }),
      audience('planners and built environment professionals', 'staff', 8, 11, {
        only: /Adaptation|Biodiversity|Energy Efficiency|Retrofit|Transport|Heating|Net Zero Strategy|Justice/,
      }),
      audience('sustainability and environmental professionals', 'expert', 9, 12, {
        not: /Installation|Installers|Awareness/,
      }),
      audience('senior leaders and board members', 'lead', 10, 12, {
        only: /Strategy|Leadership|Reporting|Adaptation|Justice|Circular|Procurement|Hydrogen|Offshore|Business/,
      }),
    ],
    goals: [
      goal("cut your organisation's carbon emissions", {
        who: /^(?!community|school|electricians|installers)/,
      }),
      goal('take practical action on climate change at work', {
        roles: ['new', 'staff'],
        who: /^(?!community)/,
      }),
      goal('move into the growing green jobs market', { roles: ['new', 'staff'], maxLevel: 9 }),
      goal('set a credible path to lower emissions', { roles: ['lead', 'expert'] }),
      goal('fit and commission systems that customers can rely on', {
        who: /electricians|installers|engineers|school leavers|oil and gas/,
        only: /Heat Pump|Solar|Electric Vehicle|Low Carbon Heating|Installers/,
      }),
      goal('report on climate targets with confidence', {
        only: /Reporting|Strategy|Net Zero|Carbon|Environmental Management|Leadership/,
        roles: ['staff', 'lead', 'expert'],
      }),
      goal('plan for the effects of a changing climate', { only: /Adaptation|Justice|Biodiversity/ }),
      goal('keep materials in use and out of landfill', { only: /Circular|Procurement|Green/ }),
      goal('make homes warmer and cheaper to heat', {
        only: /Retrofit|Energy Efficiency|Heating|Heat Pump/,
        who: /^(?!small business)/,
      }),
      goal('buy in ways that cut carbon and waste', { only: /Procurement|Circular/ }),
      goal('move into the energy transition', {
        only: /Renewable|Offshore|Hydrogen|Solar/,
        who: /oil and gas|engineers|school leavers/,
      }),
      goal('make sure the move to net zero is fair for everyone', { only: /Justice/ }),
      goal('let nature recover on the land you manage', { only: /Biodiversity|Adaptation/ }),
      goal('cut emissions from journeys and fleets', { only: /Transport|Electric Vehicle/ }),
      goal('meet ISO 14001 and win contracts that require it', { only: /Environmental Management/ }),
      goal('talk about climate change with confidence', { only: /Carbon Literacy|Justice|Green Skills/ }),
      goal('make the case for investment in clean energy', {
        only: /Renewable|Offshore|Hydrogen|Solar|Heating/,
        roles: ['staff', 'lead', 'expert'],
        minLevel: 7,
      }),
    ],
    settings: ['your organisation', 'homes and public buildings', 'an energy project'],
    titlePatterns: [
      {
        text: '{X} for Business',
        only: /^(Carbon Literacy|Circular Economy|Climate Change Adaptation|Energy Efficiency|Sustainable Procurement|Biodiversity Net Gain|Decarbonising Transport|Environmental Management)/,
      },
      {
        text: '{X} for Installers',
        maxLevel: 9,
        only: /^(Energy Efficiency|Renewable Energy|Electric Vehicle|Low Carbon Heating|Retrofit)/,
      },
    ],
    forManagers:
      /^(Carbon Literacy|Climate Change Adaptation|Circular Economy|Sustainable Procurement|Energy Efficiency|Environmental Management|Biodiversity|Decarbonising|Climate Justice)/,
    keywords: [
      'sustainability',
      'net zero',
      'climate',
      'carbon',
      'energy',
      'renewables',
      'green skills',
      'environment',
      'management',
      'leadership',
    ],
    awards: [
      award('PDA Domestic Renewable Energy Installation', 6, 7, 'college'),
      award('HNC Energy', 7, 7, 'college'),
      award('Graduate Certificate in Sustainability', 9, 10, 'university'),
      award('PgCert Climate Change Management', 11, 11, 'university'),
      award('PgCert Renewable Energy', 11, 11, 'university'),
    ],
    accreditors: [
      'The Carbon Literacy Trust',
      'Institute of Environmental Management and Assessment (IEMA)',
      'Energy Institute',
    ],
    employers: ['Scottish Water', 'SSE', 'ScottishPower', 'Zero Waste Scotland', 'Home Energy Scotland'],
    psrbs: ['Institute of Environmental Management and Assessment (IEMA)', 'Energy Institute'],
    consortia: ['Energy Skills Partnership', 'Sustainable Scotland Network', 'Net Zero Technology Centre'],
    assessments: ['project', 'coursework', 'practical', 'online-quiz'],
  },
  {
    slug: 'engineering-and-manufacturing',
    name: 'Engineering and manufacturing',
    surveyName: 'engineering',
    fallbackWeight: 0,
    leaning: 'college',
    stems: [
      'Electrical Inspection and Testing',
      'Industry 4.0|Industry 4.0',
      'Programmable Logic Controllers',
      'Lean Manufacturing',
      'CAD with AutoCAD|computer-aided design',
      'Additive Manufacturing',
      'Mechanical Maintenance',
      'Robotics and Automation',
      'Welding',
      'Engineering Mathematics',
      'Quality Management in Manufacturing|quality management',
      'Hydraulics and Pneumatics',
      'Subsea Engineering',
      'Digital Twins',
      'Control Systems',
      'Engineering Leadership',
      'Materials Engineering',
      'Instrumentation',
      'Condition Monitoring',
      'Space Engineering',
      'Electric Vehicle Maintenance',
    ],
    topics: [
      'safe isolation',
      'fault finding',
      'preventive maintenance',
      'sensors and data collection',
      'technical drawings',
      'process improvement',
      'engineering calculations',
      'automation systems',
      'quality standards',
    ],
    topicsOnly: {
      'safe isolation':
        /Electrical|Maintenance|Programmable|Control|Robotics|Hydraulics|Instrumentation|Vehicle|Condition|Welding/,
      'fault finding':
        /Electrical|Maintenance|Programmable|Control|Robotics|Hydraulics|Instrumentation|Vehicle|Condition|Industry/,
      'preventive maintenance':
        /Maintenance|Condition|Hydraulics|Robotics|Instrumentation|Lean|Quality|Industry|Digital Twins|Subsea|Electrical|Vehicle|Leadership/,
      'sensors and data collection':
        /Industry|Instrumentation|Condition|Control|Programmable|Robotics|Digital Twins|Subsea|Space|Quality|Additive/,
      'technical drawings':
        /CAD|Welding|Mechanical|Materials|Additive|Hydraulics|Subsea|Space|Mathematics|Electrical Inspection/,
      'process improvement':
        /Lean|Quality|Industry|Additive|Robotics|Digital Twins|Leadership|Materials|Mathematics/,
      'engineering calculations':
        /Mathematics|Materials|Control|Hydraulics|Subsea|Space|Electrical|Instrumentation|Welding|CAD/,
      'automation systems':
        /Programmable|Robotics|Industry|Control|Instrumentation|Digital Twins|Lean Manufacturing/,
    },
    audiences: [
      audience('school leavers and new apprentices', 'new', 4, 6, {
        not: /Leadership|Digital Twins|Space|Subsea|Materials|Industry 4.0/,
      }),
      audience('modern apprentices in engineering', 'new', 5, 7, {
        not: /Leadership|Digital Twins|Space|Industry 4.0/,
      }),
      audience('production operators moving into technical roles', 'new', 5, 7, {
        only: /Maintenance|Lean|Quality|Hydraulics|Programmable|Robotics|Welding|Mathematics|Condition|Instrumentation|Additive/,
      }),
      audience('maintenance staff in manufacturing', 'staff', 4, 8, {
        only: /Maintenance|Hydraulics|Electrical|Condition|Instrumentation|Control|Programmable|Robotics|Welding|Lean|Quality|Industry 4.0/,
      }),
      audience('maintenance technicians', 'staff', 5, 8, {
        named: /Technicians/,
        only: /Maintenance|Hydraulics|Electrical|Condition|Instrumentation|Control|Programmable|Robotics|Welding|Vehicle|Technicians/,
      }),
      audience('electricians', 'staff', 5, 8, {
        only: /Electrical|Vehicle|Instrumentation|Control|Programmable/,
      }),
      audience('motor vehicle technicians', 'staff', 5, 8, {
        only: /Electric Vehicle/,
        named: /Vehicle.*Technicians/,
      }),
      audience('engineers and technicians', 'staff', 6, 10, { named: /Technicians|Engineers/ }),
      audience('design engineers and draughtspeople', 'staff', 6, 10, {
        only: /CAD|Additive|Materials|Digital Twins|Mathematics/,
      }),
      audience('quality and continuous improvement staff', 'staff', 6, 10, {
        only: /Quality|Lean|Industry 4.0/,
      }),
      audience('people moving from oil and gas into renewables', 'staff', 6, 10, {
        only: /Subsea|Condition|Instrumentation|Control|Electrical|Materials|Digital Twins|Welding|Hydraulics/,
      }),
      audience('engineering team leaders and supervisors', 'lead', 7, 10),
      audience('graduate engineers', 'staff', 9, 10, {
        named: /Engineers/,
        not: /Welding|Mechanical Maintenance|Electric Vehicle Maintenance/,
      }),
      audience('production and operations managers', 'lead', 8, 11, {
        only: /Lean|Quality|Industry 4.0|Leadership|Additive|Robotics|Digital Twins|Condition|Managers/,
      }),
      audience('engineers in the space and aerospace sector', 'staff', 9, 12, {
        only: /Space|Materials|Additive|Control|Digital Twins/,
      }),
      audience('chartered and experienced engineers', 'expert', 10, 12, {
        named: /Engineers/,
        not: /Welding|Mechanical Maintenance|Electric Vehicle Maintenance/,
      }),
      audience('engineering managers and technical leads', 'lead', 10, 12),
    ],
    goals: [
      goal('keep up with new manufacturing technology', { not: /Space|Subsea|Mathematics|Materials/ }),
      goal('start a career in engineering', { roles: ['new'] }),
      goal('progress to a senior technical role', { roles: ['staff'], minLevel: 6 }),
      goal('work towards professional registration', {
        who: /^(?!chartered).*(engineers|technicians|apprentices)/,
        minLevel: 6,
      }),
      goal('get the best from a technical team', { roles: ['lead'] }),
      goal('reduce downtime and waste', {
        only: /Maintenance|Lean|Condition|Industry|Robotics|Programmable|Quality|Hydraulics|Instrumentation|Control|Digital Twins|Electrical/,
      }),
      goal('move into the energy transition', {
        only: /Subsea|Condition|Electric|Control|Instrumentation|Materials|Hydraulics/,
        who: /oil and gas|engineers/,
      }),
      goal('find and fix faults faster', {
        only: /Maintenance|Electrical|Programmable|Control|Hydraulics|Instrumentation|Condition|Robotics|Vehicle/,
      }),
      goal('sign off work to BS 7671 with confidence', { only: /Electrical Inspection/ }),
      goal('automate routine tasks on the shop floor', {
        only: /Programmable|Robotics|Industry 4.0|Control/,
      }),
      goal('turn designs into parts quickly', { only: /CAD|Additive|Materials/ }),
      goal('join metals to a standard that passes inspection', { only: /Welding/ }),
      goal('tackle calculations at work with confidence', { only: /Mathematics/ }),
      goal('solve technical problems with confidence', {
        only: /Mathematics|Control|Materials|Instrumentation/,
      }),
      goal('cut rework and customer complaints', { only: /Quality|Lean|Additive|Condition/ }),
      goal('use data to predict failures before they happen', {
        only: /Condition|Digital Twins|Industry 4.0|Instrumentation/,
      }),
      goal('work safely with high-voltage systems', { only: /Electric Vehicle|Electrical/ }),
      goal('take your skills offshore', { only: /Subsea/ }),
      goal('design systems that survive launch and orbit', { only: /Space/ }),
    ],
    settings: ['a manufacturing plant', 'an engineering workshop', 'your site'],
    titlePatterns: [
      {
        text: '{X} for Technicians',
        only: /^(?!Engineering Leadership|Space|Subsea|Materials)/,
        maxLevel: 10,
      },
      {
        text: '{X} for Engineers',
        only: /^(?!Welding|Engineering|Mechanical Maintenance|Electric Vehicle)/,
        minLevel: 7,
      },
    ],
    forManagers: /^(Industry 4.0|Lean Manufacturing|Additive|Robotics|Digital Twins|Condition Monitoring)/,
    keywords: [
      'engineering',
      'manufacturing',
      'maintenance',
      'electrical',
      'mechanical',
      'automation',
      'technician',
      'digital',
      'management',
      'energy',
      'STEM',
    ],
    awards: [
      award('NC Engineering Systems at SCQF level 6', 5, 6, 'college'),
      award('HNC Engineering Systems', 7, 7, 'college'),
      award('HND Electrical Engineering', 8, 8, 'college'),
      award('Graduate Certificate in Engineering Management', 9, 10, 'university'),
      award('PgCert Advanced Manufacturing', 11, 11, 'university'),
    ],
    accreditors: [
      'Engineering Council',
      'Institution of Engineering and Technology (IET)',
      'Institution of Mechanical Engineers (IMechE)',
    ],
    employers: ['Babcock International', 'BAE Systems', 'Scottish Water', 'SSE', 'Diageo'],
    psrbs: ['Engineering Council', 'Institution of Engineering and Technology (IET)'],
    consortia: ['National Manufacturing Institute Scotland (NMIS)', 'Energy Skills Partnership'],
    assessments: ['practical', 'exam', 'project', 'coursework'],
  },
  {
    slug: 'construction-and-trades',
    name: 'Construction and trades',
    // Not counted by the survey, but colleges teach it widely.
    surveyName: null,
    fallbackWeight: 2,
    leaning: 'college',
    stems: [
      'Building Information Modelling (BIM)|building information modelling',
      'Site Supervision',
      'Plumbing',
      'Bricklaying',
      'Joinery',
      'Electrical Installation',
      'Construction Project Management',
      'Retrofit and Insulation',
      'Quantity Surveying',
      'Building Standards in Scotland|Scottish building standards',
      'Painting and Decorating',
      'Plastering',
      'Roofing',
      'Estimating and Tendering',
      'Timber Frame Construction',
      'Construction Site Safety',
      'Gas Safety',
      'Modern Methods of Construction',
      'Digital Construction',
      'Traditional Stonemasonry',
      'Construction Leadership',
    ],
    topics: [
      'reading drawings and specifications',
      'building standards',
      'site safety',
      'materials and sustainability',
      'costing and estimating',
      'quality checks',
      'managing subcontractors',
      'energy efficiency in homes',
    ],
    topicsOnly: {
      'managing subcontractors':
        /Supervision|Project|Leadership|Management|Site Managers|Estimating|Quantity|Building Information|Digital|Modern|Timber|Retrofit|Tradespeople/,
      'energy efficiency in homes':
        /Retrofit|Plumbing|Electrical|Timber|Standards|Roofing|Plastering|Modern|Gas|Building Information|Joinery|Stonemasonry/,
    },
    audiences: [
      audience('people starting out in construction', 'new', 4, 6, {
        not: /Leadership|Project Management|Quantity|Estimating|Building Information|Digital/,
      }),
      audience('school leavers interested in a trade', 'new', 4, 6, {
        only: /Plumbing|Bricklaying|Joinery|Electrical|Painting|Plastering|Roofing|Stonemasonry|Timber|Gas|Retrofit|Site Safety/,
      }),
      audience('apprentices', 'new', 4, 7, {
        only: /Plumbing|Bricklaying|Joinery|Electrical|Painting|Plastering|Roofing|Stonemasonry|Timber|Gas|Retrofit|Site Safety|Building Standards/,
      }),
      audience('tradespeople who want to update their skills', 'staff', 5, 8, {
        named: /Tradespeople/,
        not: /Quantity|Project Management|Leadership/,
      }),
      audience('self-employed builders', 'staff', 5, 9, {
        named: /Tradespeople/,
        not: /Quantity|Leadership|Site Supervision/,
        settings: ['your business', 'homes and small buildings'],
      }),
      audience('gas engineers and plumbers', 'staff', 5, 9, { only: /Gas|Plumbing|Retrofit/ }),
      audience('tradespeople moving into supervision', 'lead', 6, 8, {
        only: /Supervision|Safety|Standards|Leadership|Management|Estimating|Site Managers/,
      }),
      audience('site supervisors and managers', 'lead', 7, 10, { named: /Site Managers/ }),
      audience('quantity surveyors and estimators', 'staff', 7, 10, {
        only: /Quantity|Estimating|Project|Building Information|Digital|Modern Methods/,
      }),
      audience('housing association and local authority staff', 'staff', 7, 10, {
        only: /Retrofit|Standards|Modern|Timber|Project|Stonemasonry/,
      }),
      audience('built environment graduates', 'staff', 9, 10, {
        only: /Building Information|Digital|Project|Quantity|Estimating|Standards|Modern|Timber|Retrofit|Leadership|Site/,
      }),
      audience('architects, technologists and surveyors', 'staff', 9, 11, {
        only: /Building Information|Digital|Standards|Retrofit|Modern Methods|Timber|Stonemasonry|Quantity/,
      }),
      audience('construction managers and project leads', 'lead', 9, 12, { named: /Site Managers/ }),
      audience('heritage and conservation professionals', 'expert', 9, 12, {
        only: /Stonemasonry|Retrofit|Building Standards|Plastering|Roofing|Joinery/,
      }),
      audience('experienced construction professionals', 'expert', 10, 12, {
        not: /Painting|Plastering|Bricklaying|Gas Safety/,
      }),
    ],
    goals: [
      goal('gain the practical skills employers look for', { roles: ['new'] }),
      goal('progress to a supervisor or manager role', {
        roles: ['staff'],
        maxLevel: 9,
        who: /^(?!self-employed)/,
      }),
      goal('move into site management', { roles: ['staff', 'lead'], maxLevel: 9 }),
      goal('take on bigger jobs', {
        who: /tradespeople|self-employed|builders|plumbers/,
        not: /Leadership|Supervision|Managers/,
      }),
      goal('win more work with new skills', {
        who: /tradespeople|self-employed|builders|plumbers/,
        not: /Leadership|Supervision|Managers/,
      }),
      goal('work to current building standards', { not: /Leadership|Quantity|Estimating/ }),
      goal('prevent accidents on the jobs you run', { roles: ['lead'] }),
      goal('get the best from site teams and subcontractors', { roles: ['lead'] }),
      goal('deliver projects on time and on budget', {
        only: /Project|Estimating|Quantity|Leadership|Building Information|Digital|Modern|Supervision|Site Managers/,
      }),
      goal('price jobs accurately and profitably', { only: /Estimating|Quantity|Project|Tradespeople/ }),
      goal('share information across the whole project team', { only: /Building Information|Digital/ }),
      goal('make homes warmer without causing damp', {
        only: /Retrofit|Timber|Roofing|Plastering|Standards|Stonemasonry/,
      }),
      goal('repair traditional buildings the right way', {
        only: /Stonemasonry|Plastering|Roofing|Joinery|Retrofit/,
      }),
      goal('install and service boilers safely', { only: /Gas|Plumbing/ }),
      goal('build faster with off-site methods', {
        only: /Modern Methods|Timber|Building Information|Digital/,
      }),
      goal('leave a finish that customers recommend', {
        only: /Painting|Plastering|Joinery|Bricklaying|Roofing/,
      }),
      goal('lead the move to low-carbon construction', { roles: ['lead', 'expert'], minLevel: 9 }),
    ],
    settings: ['construction projects', 'homes and small buildings', 'a building site'],
    titlePatterns: [
      {
        text: '{X} for Tradespeople',
        maxLevel: 9,
        only: /^(Building Information|Retrofit|Building Standards|Estimating|Digital Construction|Modern Methods|Construction Site Safety|Gas Safety)/,
      },
      {
        text: '{X} for Site Managers',
        minLevel: 7,
        only: /^(Building Information|Retrofit|Building Standards|Modern Methods|Digital Construction|Construction Site Safety|Timber Frame|Estimating)/,
      },
    ],
    forManagers:
      /^(Building Information|Modern Methods|Digital Construction|Construction Site Safety|Retrofit|Building Standards)/,
    keywords: [
      'construction',
      'building',
      'trades',
      'plumbing',
      'electrician',
      'joinery',
      'site',
      'apprenticeship',
      'management',
      'safety',
      'digital',
      'net zero',
    ],
    awards: [
      award('NPA Construction Skills', 4, 5, 'college'),
      award('SVQ Construction Site Supervision at SCQF level 7', 6, 7, 'college'),
      award('HNC Construction Management', 7, 7, 'college'),
      award('HNC Built Environment', 7, 7, 'college'),
      award('Graduate Certificate in Construction Management', 9, 10, 'university'),
      award('PgCert Building Information Modelling', 11, 11, 'university'),
    ],
    accreditors: [
      'Chartered Institute of Building (CIOB)',
      'Royal Institution of Chartered Surveyors (RICS)',
      'CITB',
    ],
    employers: [
      'Robertson Group',
      'Morrison Construction',
      'Balfour Beatty',
      'Wheatley Group',
      'City Building Glasgow',
    ],
    psrbs: ['Chartered Institute of Building (CIOB)', 'Construction Industry Training Board (CITB)'],
    consortia: ['Construction Scotland Innovation Centre', 'Scottish Building Federation'],
    assessments: ['practical', 'portfolio', 'exam', 'project'],
  },
  {
    slug: 'land-based-and-rural',
    name: 'Land-based and rural',
    surveyName: 'land-based',
    fallbackWeight: 0,
    leaning: null,
    stems: [
      'Regenerative Agriculture',
      'Farm Business Management',
      'Woodland Management',
      'Soil Health',
      'Precision Farming',
      'Agri-tech and Farm Data|farm data and agri-tech',
      'Rural Leadership',
      'Crofting',
      'Sheep Health and Welfare',
      'Countryside Management',
      'Horticulture',
      'Tractor Driving and Safety|safe tractor operation',
      'Chainsaw Maintenance and Cross-cutting|chainsaw use',
      'Deer Management',
      'Peatland Restoration',
      'Beekeeping',
      'Aquaculture',
      'Food and Drink Production',
      'Agricultural Emissions and Net Zero|agricultural emissions',
      'Farm Diversification',
    ],
    topics: [
      'soil and grassland management',
      'animal health and welfare',
      'farm records',
      'woodland creation',
      'rural business planning',
      'biodiversity on farms',
      'safe use of machinery',
      'carbon audits',
    ],
    topicsOnly: {
      'woodland creation': /Woodland|Peatland|Countryside|Regenerative|Emissions|Deer|Soil|Crofting|Chainsaw/,
      'safe use of machinery':
        /Tractor|Chainsaw|Precision|Farm|Crofting|Woodland|Horticulture|Soil|Regenerative|Agri-tech/,
      'animal health and welfare':
        /Sheep|Farm|Crofting|Regenerative|Deer|Aquaculture|Precision|Agri-tech|Diversification|Rural/,
    },
    audiences: [
      audience('school leavers interested in land-based careers', 'new', 4, 6, {
        not: /Leadership|Business Management|Diversification|Emissions/,
      }),
      audience('new entrants to farming', 'new', 4, 7, {
        named: /Farmers|Crofters/,
        not: /Woodland|Deer|Aquaculture|Horticulture|Beekeeping|Peatland|Countryside|Chainsaw|Rural Leadership/,
      }),
      audience('hobby beekeepers', 'new', 4, 6, { only: /Beekeeping/ }),
      audience('gardeners and growers', 'staff', 4, 8, {
        only: /Horticulture|Soil|Beekeeping|Regenerative/,
        settings: ['a garden or nursery', 'a market garden'],
      }),
      audience('people working on estates and in forestry', 'staff', 4, 8, {
        only: /Woodland|Countryside|Deer|Chainsaw|Tractor|Peatland|Soil|Horticulture|Beekeeping/,
        settings: ['an estate', 'woodland and forestry'],
      }),
      audience('fish farm staff', 'staff', 4, 8, { only: /Aquaculture/, settings: ['a fish farm'] }),
      audience('farmers and crofters', 'staff', 5, 10, {
        named: /Farmers|Crofters/,
        not: /Aquaculture|Countryside|Food and Drink/,
        settings: ['a farm or croft'],
      }),
      audience('rangers and countryside staff', 'staff', 5, 9, {
        only: /Countryside|Peatland|Woodland|Deer|Chainsaw/,
        settings: ['an estate', 'a nature reserve'],
      }),
      audience('food and drink producers', 'staff', 5, 9, {
        only: /Food and Drink|Diversification|Beekeeping/,
        settings: ['a food or drink business', 'a rural business'],
      }),
      audience('rural business owners', 'lead', 6, 10, {
        only: /Business|Diversification|Food and Drink|Leadership|Crofting|Agri-tech|Horticulture|Beekeeping|Aquaculture|Woodland/,
        settings: ['a rural business', 'a farm or estate'],
      }),
      audience('farm managers', 'lead', 7, 11, {
        only: /Farm|Regenerative|Soil|Precision|Agri-tech|Sheep|Emissions|Tractor|Leadership|Diversification/,
        settings: ['a farm or croft'],
      }),
      audience('land managers', 'lead', 7, 11, {
        only: /Woodland|Countryside|Deer|Peatland|Soil|Regenerative|Emissions|Precision|Agri-tech|Leadership/,
        settings: ['an estate', 'a farm or croft'],
      }),
      audience('aquaculture managers', 'lead', 8, 11, { only: /Aquaculture/, settings: ['a fish farm'] }),
      audience('community leaders in rural areas', 'lead', 8, 11, {
        only: /Rural Leadership|Diversification|Crofting|Countryside|Peatland|Woodland/,
        settings: ['a rural community'],
      }),
      audience('agricultural advisers and consultants', 'expert', 9, 12, {
        only: /Regenerative|Soil|Precision|Agri-tech|Emissions|Business|Diversification|Sheep|Peatland|Crofting|Farm/,
      }),
      audience('environmental and land-use professionals', 'expert', 10, 12, {
        only: /Peatland|Woodland|Countryside|Deer|Soil|Emissions|Regenerative|Aquaculture|Leadership/,
      }),
    ],
    goals: [
      goal('start a career on the land', { roles: ['new'], who: /^(?!hobby)/ }),
      goal('take on more responsibility at work', { roles: ['staff'], who: /working|staff|growers/ }),
      goal('run a more profitable and sustainable farm', { who: /farm|crofter/ }),
      goal('diversify your rural business', { who: /owners|farmers|crofters|producers/ }),
      goal('lead your business through change', { roles: ['lead', 'expert'] }),
      goal('bring people together around a shared plan', { roles: ['lead'] }),
      goal('make the case for your area to funders and government', {
        roles: ['lead', 'expert'],
        only: /Rural|Crofting|Countryside|Peatland/,
      }),
      goal('gain the certificates you need to work safely', { only: /Tractor|Chainsaw|Deer/ }),
      goal('manage land for nature and climate', {
        only: /Regenerative|Soil|Peatland|Woodland|Countryside|Deer|Emissions|Farm Business/,
      }),
      goal('keep your flock healthy and productive', {
        only: /Sheep/,
        who: /farmers|crofters|managers|new entrants/,
      }),
      goal('spot and treat common health problems early', { only: /Sheep/ }),
      goal('use records to make better decisions on the farm', {
        only: /Precision|Agri-tech|Business|Soil|Emissions|Sheep/,
      }),
      goal('cut emissions and input costs', { only: /Emissions|Regenerative|Soil|Precision|Agri-tech/ }),
      goal('grow healthy plants all year', { only: /Horticulture|Soil/ }),
      goal('keep healthy bees and harvest honey', { only: /Beekeeping/ }),
      goal('bring damaged land back to life', { only: /Peatland|Countryside|Woodland|Regenerative/ }),
      goal('secure the future of your holding', { only: /Crofting|Farm|Diversification/ }),
      goal('take a product from idea to shop shelf', { only: /Food and Drink|Diversification/ }),
      goal('lead your community through change', {
        roles: ['lead'],
        only: /Leadership|Crofting|Countryside/,
      }),
      goal('work safely with machinery', { only: /Chainsaw/ }),
      goal('grow and harvest timber sustainably', { only: /Woodland|Chainsaw/ }),
      goal('look after fish health and welfare', { only: /Aquaculture/ }),
      goal('keep herds in balance with the habitat', {
        only: /Deer Management/,
        roles: ['staff', 'lead', 'expert'],
      }),
    ],
    settings: ['a farm or croft', 'an estate', 'a rural business'],
    titlePatterns: [
      {
        text: '{X} for Farmers',
        maxLevel: 10,
        only: /^(Regenerative|Soil|Precision|Sheep|Woodland|Peatland|Farm Diversification|Beekeeping|Agricultural)/,
      },
      {
        text: '{X} for Crofters',
        maxLevel: 10,
        only: /^(Woodland|Soil|Sheep|Peatland|Horticulture|Beekeeping|Regenerative)/,
      },
    ],
    forManagers:
      /^(Regenerative|Precision Farming|Soil Health|Peatland|Aquaculture|Agri-tech|Agricultural Emissions|Farm Diversification)/,
    keywords: [
      'farming',
      'agriculture',
      'rural',
      'land',
      'forestry',
      'environment',
      'crofting',
      'sustainability',
      'business',
      'management',
      'animal care',
    ],
    awards: [
      award('NPA Rural Skills', 4, 5, 'college'),
      award('HNC Agriculture', 7, 7, 'college'),
      award('HND Agriculture', 8, 8, 'college'),
      award('Graduate Certificate in Rural Business Management', 9, 10, 'university'),
      award('PgCert Environmental Management', 11, 11, 'university'),
    ],
    accreditors: ['Lantra', 'Institute of Chartered Foresters', 'Institute of Agricultural Management'],
    employers: [
      'Forestry and Land Scotland',
      'NatureScot',
      'Scottish Forestry',
      'Quality Meat Scotland',
      'NFU Scotland',
    ],
    psrbs: ['Lantra Scotland', 'Institute of Chartered Foresters'],
    consortia: ['Soil Association Scotland', 'Scottish Rural Action'],
    assessments: ['practical', 'portfolio', 'coursework'],
  },
];
