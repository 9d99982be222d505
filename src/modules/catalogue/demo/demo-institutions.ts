/**
 * What the demo needs to know about each institution beyond scottish-institutions.json: roughly
 * how much short-course provision it has, where it teaches, and what it is known for. Campus names
 * are public; sizes and specialisms are rough judgements made for the demo.
 */
import type { Weighted } from './demo-random.ts';
import type { SubjectVocabulary } from './demo-vocabulary.ts';

/** One institution as the demo seeds it; the fields match the catalogue's institution record. */
export interface DemoInstitution {
  slug: string;
  name: string;
  kind: 'university' | 'college';
  region: string;
  website: string | null;
  summary: string;
  codePrefix: string;
}

export interface InstitutionProfile {
  /** Relative share of the demo catalogue: 3 for large providers, 1 for small or specialist ones. */
  size: 1 | 2 | 3;
  /** Where in-person and hybrid courses meet. */
  campuses: string[];
  /** Subjects it is known for, most typical first. */
  specialisms: string[];
  /** How often a course comes from its specialisms rather than the sector-wide mix, 0 to 1. */
  focus: number;
  /** A UHI partner college: its higher education is validated by the University of the Highlands and Islands. */
  uhiPartner: boolean;
  /** How often a course is taught in Gaelic or bilingually, 0 to 1. */
  gaelic: number;
}

function profile(
  size: 1 | 2 | 3,
  campuses: string[],
  specialisms: string[] = [],
  focus = 0.25,
  extra: Partial<InstitutionProfile> = {},
): InstitutionProfile {
  return { size, campuses, specialisms, focus, uhiPartner: false, gaelic: 0, ...extra };
}

const uhi = (
  size: 1 | 2 | 3,
  campuses: string[],
  specialisms: string[] = [],
  gaelic = 0.03,
): InstitutionProfile => profile(size, campuses, specialisms, 0.3, { uhiPartner: true, gaelic });

export const INSTITUTION_PROFILES: Record<string, InstitutionProfile> = {
  'university-of-aberdeen': profile(
    3,
    ["King's College campus, Old Aberdeen", 'Foresterhill Health Campus, Aberdeen'],
    ['health-and-medicine', 'sustainability-and-net-zero', 'education-and-teaching'],
  ),
  'abertay-university': profile(
    2,
    ['Bell Street campus, Dundee'],
    ['computing-and-digital', 'data-and-ai', 'creative-and-cultural'],
    0.5,
  ),
  'university-of-dundee': profile(
    2,
    ['City campus, Dundee', 'Ninewells campus, Dundee'],
    ['health-and-medicine', 'education-and-teaching', 'creative-and-cultural'],
  ),
  'university-of-edinburgh': profile(
    3,
    ['Central Area, Edinburgh', "King's Buildings, Edinburgh", 'Easter Bush campus, Midlothian'],
    ['data-and-ai', 'veterinary-and-animal-care', 'health-and-medicine', 'education-and-teaching'],
  ),
  'edinburgh-napier-university': profile(
    3,
    ['Merchiston campus, Edinburgh', 'Sighthill campus, Edinburgh', 'Craiglockhart campus, Edinburgh'],
    ['computing-and-digital', 'business-and-management', 'health-and-medicine'],
  ),
  'university-of-glasgow': profile(
    3,
    ['Gilmorehill campus, Glasgow', 'Garscube campus, Glasgow'],
    ['health-and-medicine', 'veterinary-and-animal-care', 'data-and-ai', 'education-and-teaching'],
  ),
  'glasgow-caledonian-university': profile(
    3,
    ['City campus, Glasgow'],
    ['health-and-medicine', 'care', 'business-and-management', 'sustainability-and-net-zero'],
  ),
  'glasgow-school-of-art': profile(1, ['Garnethill campus, Glasgow'], ['creative-and-cultural'], 0.9),
  'heriot-watt-university': profile(
    2,
    ['Riccarton campus, Edinburgh', 'Scottish Borders campus, Galashiels'],
    [
      'engineering-and-manufacturing',
      'sustainability-and-net-zero',
      'business-and-management',
      'construction-and-trades',
    ],
  ),
  'university-of-the-highlands-and-islands': profile(
    3,
    ['Inverness campus', 'Perth campus', 'Stornoway campus'],
    ['land-based-and-rural', 'hospitality-and-tourism', 'sustainability-and-net-zero', 'languages'],
    0.3,
    { gaelic: 0.05 },
  ),
  'open-university-in-scotland': profile(
    3,
    ['Study days at venues across Scotland'],
    ['business-and-management', 'care', 'computing-and-digital', 'education-and-teaching'],
  ),
  'queen-margaret-university': profile(
    2,
    ['Musselburgh campus'],
    ['health-and-medicine', 'care', 'hospitality-and-tourism', 'creative-and-cultural'],
    0.4,
  ),
  'robert-gordon-university': profile(
    2,
    ['Garthdee campus, Aberdeen'],
    ['sustainability-and-net-zero', 'engineering-and-manufacturing', 'health-and-medicine', 'data-and-ai'],
    0.35,
  ),
  'royal-conservatoire-of-scotland': profile(
    1,
    ['Renfrew Street, Glasgow'],
    ['creative-and-cultural', 'education-and-teaching'],
    0.9,
  ),
  'university-of-st-andrews': profile(
    1,
    ['St Andrews'],
    ['data-and-ai', 'sustainability-and-net-zero', 'languages'],
  ),
  sruc: profile(
    2,
    [
      'Edinburgh campus',
      'Craibstone campus, Aberdeen',
      'Barony campus, Dumfries',
      'Oatridge campus, West Lothian',
      'Elmwood campus, Cupar',
    ],
    ['land-based-and-rural', 'veterinary-and-animal-care', 'sustainability-and-net-zero'],
    0.8,
  ),
  'university-of-stirling': profile(
    2,
    ['Stirling campus'],
    ['education-and-teaching', 'health-and-medicine', 'sustainability-and-net-zero', 'data-and-ai'],
  ),
  'university-of-strathclyde': profile(
    3,
    ['John Anderson campus, Glasgow'],
    ['engineering-and-manufacturing', 'data-and-ai', 'business-and-management', 'education-and-teaching'],
  ),
  'university-of-the-west-of-scotland': profile(
    3,
    ['Paisley campus', 'Ayr campus', 'Lanarkshire campus, Hamilton', 'Dumfries campus'],
    ['health-and-medicine', 'care', 'education-and-teaching', 'computing-and-digital'],
  ),

  'ayrshire-college': profile(
    2,
    ['Kilmarnock campus', 'Ayr campus', 'Kilwinning campus'],
    ['engineering-and-manufacturing', 'care', 'construction-and-trades'],
  ),
  'borders-college': profile(
    1,
    ['Galashiels campus', 'Hawick campus'],
    ['land-based-and-rural', 'care', 'construction-and-trades'],
  ),
  'city-of-glasgow-college': profile(
    3,
    ['City campus, Glasgow', 'Riverside campus, Glasgow'],
    [
      'hospitality-and-tourism',
      'engineering-and-manufacturing',
      'business-and-management',
      'creative-and-cultural',
    ],
  ),
  'dumfries-and-galloway-college': profile(
    1,
    ['Dumfries campus', 'Stranraer campus'],
    ['care', 'construction-and-trades', 'land-based-and-rural'],
  ),
  'dundee-and-angus-college': profile(
    2,
    ['Kingsway campus, Dundee', 'Gardyne campus, Dundee', 'Arbroath campus'],
    ['engineering-and-manufacturing', 'care', 'computing-and-digital'],
  ),
  'edinburgh-college': profile(
    3,
    [
      'Granton campus, Edinburgh',
      'Milton Road campus, Edinburgh',
      'Sighthill campus, Edinburgh',
      'Midlothian campus, Dalkeith',
    ],
    ['hospitality-and-tourism', 'creative-and-cultural', 'construction-and-trades', 'computing-and-digital'],
  ),
  'fife-college': profile(
    3,
    ['Dunfermline campus', 'Kirkcaldy campus', 'Glenrothes campus'],
    ['engineering-and-manufacturing', 'care', 'business-and-management'],
  ),
  'forth-valley-college': profile(
    2,
    ['Falkirk campus', 'Stirling campus', 'Alloa campus'],
    ['engineering-and-manufacturing', 'sustainability-and-net-zero', 'health-and-safety'],
  ),
  'glasgow-clyde-college': profile(
    2,
    ['Anniesland campus, Glasgow', 'Cardonald campus, Glasgow', 'Langside campus, Glasgow'],
    ['care', 'hospitality-and-tourism', 'languages'],
  ),
  'glasgow-kelvin-college': profile(
    2,
    ['Springburn campus, Glasgow', 'East End campus, Glasgow', 'Easterhouse campus, Glasgow'],
    ['construction-and-trades', 'care', 'computing-and-digital'],
  ),
  'new-college-lanarkshire': profile(
    3,
    ['Motherwell campus', 'Coatbridge campus', 'Cumbernauld campus'],
    ['care', 'construction-and-trades', 'business-and-management'],
  ),
  'north-east-scotland-college': profile(
    2,
    ['Aberdeen City campus', 'Fraserburgh campus'],
    ['engineering-and-manufacturing', 'sustainability-and-net-zero', 'health-and-safety'],
  ),
  'south-lanarkshire-college': profile(
    1,
    ['East Kilbride campus'],
    ['construction-and-trades', 'care', 'business-and-management'],
  ),
  'west-college-scotland': profile(
    3,
    ['Paisley campus', 'Greenock campus', 'Clydebank campus'],
    ['engineering-and-manufacturing', 'care', 'computing-and-digital'],
  ),
  'west-lothian-college': profile(
    1,
    ['Livingston campus'],
    ['construction-and-trades', 'care', 'health-and-safety'],
  ),
  'newbattle-abbey-college': profile(
    1,
    ['Newbattle Abbey, Dalkeith'],
    ['education-and-teaching', 'creative-and-cultural', 'land-based-and-rural'],
    0.5,
  ),
  'argyll-college-uhi': uhi(
    1,
    ['Oban learning centre', 'Dunoon learning centre', 'Campbeltown learning centre'],
    ['care', 'hospitality-and-tourism'],
  ),
  'inverness-college-uhi': uhi(
    2,
    ['Inverness campus'],
    ['construction-and-trades', 'engineering-and-manufacturing', 'care'],
  ),
  'lews-castle-college-uhi': uhi(
    1,
    ['Stornoway campus', 'Benbecula campus'],
    ['languages', 'creative-and-cultural', 'land-based-and-rural'],
    0.2,
  ),
  'moray-college-uhi': uhi(
    1,
    ['Elgin campus'],
    ['hospitality-and-tourism', 'care', 'engineering-and-manufacturing'],
  ),
  'north-highland-college-uhi': uhi(
    1,
    ['Thurso campus', 'Dornoch campus'],
    ['engineering-and-manufacturing', 'sustainability-and-net-zero', 'land-based-and-rural'],
  ),
  'orkney-college-uhi': uhi(
    1,
    ['Kirkwall campus'],
    ['sustainability-and-net-zero', 'land-based-and-rural', 'creative-and-cultural'],
  ),
  'perth-college-uhi': uhi(
    2,
    ['Perth campus'],
    ['engineering-and-manufacturing', 'creative-and-cultural', 'hospitality-and-tourism'],
  ),
  'shetland-college-uhi': uhi(
    1,
    ['Lerwick campus'],
    ['land-based-and-rural', 'creative-and-cultural', 'hospitality-and-tourism'],
  ),
  'sabhal-mor-ostaig': profile(
    1,
    ['Sleat campus, Isle of Skye'],
    ['languages', 'creative-and-cultural', 'education-and-teaching'],
    0.85,
    { uhiPartner: true, gaelic: 0.8 },
  ),
  'west-highland-college-uhi': uhi(
    1,
    ['Fort William campus'],
    ['hospitality-and-tourism', 'land-based-and-rural', 'health-and-safety'],
  ),
};

/** Institutions the profile table does not know still get a plausible profile. */
export function profileFor(slug: string, region: string): InstitutionProfile {
  return INSTITUTION_PROFILES[slug] ?? profile(1, [`${region} campus`]);
}

/** What stays the same for every course of one institution, worked out once per catalogue. */
export interface InstitutionContext {
  institution: DemoInstitution;
  profile: InstitutionProfile;
  /** Its own quality committee, e.g. "University of Stirling Academic Quality Committee". */
  qaBody: string;
  subjects: Weighted<SubjectVocabulary>;
  specialisms: Weighted<SubjectVocabulary>;
  /** The third-party platform it uses, if any. */
  platform: string | null;
  /** Other institutions it might partner with, nearest first. */
  partnerColleges: DemoInstitution[];
  partnerUniversities: DemoInstitution[];
}
