/**
 * Zone names people write, mapped to IANA zones. Offsets come from real timezone data
 * (luxon, DST-aware); the nominal offset here is only used for an abbreviation on a time
 * without a date, and the standard/daylight pair only for the `timezone-dst` fix.
 */

/** One spelling of a zone. */
export interface ZoneName {
  id: string;
  /** Minutes east of UTC the name stands for (abbreviations and standard/daylight names). */
  offset?: number;
  daylight?: boolean;
  pair?: { standard: string; daylight: string };
  ambiguous?: string[];
  meaning?: string;
}

const std = (id: string, offset: number, standard: string, daylight: string): ZoneName => ({ id, offset, daylight: false, pair: { standard, daylight } });
const dst = (id: string, offset: number, standard: string, daylight: string): ZoneName => ({ id, offset, daylight: true, pair: { standard, daylight } });
const fixed = (id: string, offset: number): ZoneName => ({ id, offset });

/** Abbreviations, upper case. */
export const ABBREVIATIONS: Record<string, ZoneName> = {
  UTC: fixed('UTC', 0),
  UT: fixed('UTC', 0),
  GMT: fixed('UTC', 0),
  Z: fixed('UTC', 0),
  PST: std('America/Los_Angeles', -480, 'PST', 'PDT'),
  PDT: dst('America/Los_Angeles', -420, 'PST', 'PDT'),
  PT: { id: 'America/Los_Angeles' },
  MST: std('America/Denver', -420, 'MST', 'MDT'),
  MDT: dst('America/Denver', -360, 'MST', 'MDT'),
  MT: { id: 'America/Denver' },
  CST: { ...std('America/Chicago', -360, 'CST', 'CDT'), ambiguous: ['China Standard Time (UTC+8)', 'Cuba Standard Time (UTC−5)'], meaning: 'US Central Standard Time (UTC−6)' },
  CDT: dst('America/Chicago', -300, 'CST', 'CDT'),
  CT: { id: 'America/Chicago' },
  EST: std('America/New_York', -300, 'EST', 'EDT'),
  EDT: dst('America/New_York', -240, 'EST', 'EDT'),
  ET: { id: 'America/New_York' },
  AKST: std('America/Anchorage', -540, 'AKST', 'AKDT'),
  AKDT: dst('America/Anchorage', -480, 'AKST', 'AKDT'),
  HST: fixed('Pacific/Honolulu', -600),
  AST: { ...std('America/Halifax', -240, 'AST', 'ADT'), ambiguous: ['Arabia Standard Time (UTC+3)'], meaning: 'Atlantic Standard Time (UTC−4)' },
  ADT: dst('America/Halifax', -180, 'AST', 'ADT'),
  NST: std('America/St_Johns', -210, 'NST', 'NDT'),
  NDT: dst('America/St_Johns', -150, 'NST', 'NDT'),
  BST: { ...dst('Europe/London', 60, 'GMT', 'BST'), ambiguous: ['Bangladesh Standard Time (UTC+6)'], meaning: 'British Summer Time (UTC+1)' },
  IST: { ...fixed('Asia/Kolkata', 330), ambiguous: ['Israel Standard Time (UTC+2)', 'Irish Standard Time (UTC+1)'], meaning: 'India Standard Time (UTC+5:30)' },
  WET: std('Europe/Lisbon', 0, 'WET', 'WEST'),
  WEST: dst('Europe/Lisbon', 60, 'WET', 'WEST'),
  CET: std('Europe/Paris', 60, 'CET', 'CEST'),
  CEST: dst('Europe/Paris', 120, 'CET', 'CEST'),
  EET: std('Europe/Athens', 120, 'EET', 'EEST'),
  EEST: dst('Europe/Athens', 180, 'EET', 'EEST'),
  MSK: fixed('Europe/Moscow', 180),
  WAT: fixed('Africa/Lagos', 60),
  CAT: fixed('Africa/Maputo', 120),
  EAT: fixed('Africa/Nairobi', 180),
  SAST: fixed('Africa/Johannesburg', 120),
  GST: { ...fixed('Asia/Dubai', 240), ambiguous: ['South Georgia Time (UTC−2)'], meaning: 'Gulf Standard Time (UTC+4)' },
  PKT: fixed('Asia/Karachi', 300),
  ICT: fixed('Asia/Bangkok', 420),
  WIB: fixed('Asia/Jakarta', 420),
  SGT: fixed('Asia/Singapore', 480),
  HKT: fixed('Asia/Hong_Kong', 480),
  PHT: fixed('Asia/Manila', 480),
  JST: fixed('Asia/Tokyo', 540),
  KST: fixed('Asia/Seoul', 540),
  AWST: fixed('Australia/Perth', 480),
  ACST: std('Australia/Adelaide', 570, 'ACST', 'ACDT'),
  ACDT: dst('Australia/Adelaide', 630, 'ACST', 'ACDT'),
  AEST: std('Australia/Sydney', 600, 'AEST', 'AEDT'),
  AEDT: dst('Australia/Sydney', 660, 'AEST', 'AEDT'),
  NZST: std('Pacific/Auckland', 720, 'NZST', 'NZDT'),
  NZDT: dst('Pacific/Auckland', 780, 'NZST', 'NZDT'),
  BRT: fixed('America/Sao_Paulo', -180),
  ART: fixed('America/Argentina/Buenos_Aires', -180),
};

/** Spelled-out names, lower case with single spaces ("pacific time", "east african time"). */
export const NAMES: Record<string, ZoneName> = {
  'coordinated universal time': fixed('UTC', 0),
  'universal time': fixed('UTC', 0),
  'greenwich mean time': fixed('UTC', 0),
  'zulu time': fixed('UTC', 0),
  'pacific time': { id: 'America/Los_Angeles' },
  'pacific standard time': std('America/Los_Angeles', -480, 'Pacific Standard Time', 'Pacific Daylight Time'),
  'pacific daylight time': dst('America/Los_Angeles', -420, 'Pacific Standard Time', 'Pacific Daylight Time'),
  'mountain time': { id: 'America/Denver' },
  'mountain standard time': std('America/Denver', -420, 'Mountain Standard Time', 'Mountain Daylight Time'),
  'mountain daylight time': dst('America/Denver', -360, 'Mountain Standard Time', 'Mountain Daylight Time'),
  'central time': { id: 'America/Chicago' },
  'central standard time': std('America/Chicago', -360, 'Central Standard Time', 'Central Daylight Time'),
  'central daylight time': dst('America/Chicago', -300, 'Central Standard Time', 'Central Daylight Time'),
  'eastern time': { id: 'America/New_York' },
  'eastern standard time': std('America/New_York', -300, 'Eastern Standard Time', 'Eastern Daylight Time'),
  'eastern daylight time': dst('America/New_York', -240, 'Eastern Standard Time', 'Eastern Daylight Time'),
  'british summer time': dst('Europe/London', 60, 'Greenwich Mean Time', 'British Summer Time'),
  'uk time': { id: 'Europe/London' },
  'central european time': std('Europe/Paris', 60, 'Central European Time', 'Central European Summer Time'),
  'central european summer time': dst('Europe/Paris', 120, 'Central European Time', 'Central European Summer Time'),
  'eastern european time': std('Europe/Athens', 120, 'Eastern European Time', 'Eastern European Summer Time'),
  'eastern european summer time': dst('Europe/Athens', 180, 'Eastern European Time', 'Eastern European Summer Time'),
  'east african time': fixed('Africa/Nairobi', 180),
  'east africa time': fixed('Africa/Nairobi', 180),
  'central african time': fixed('Africa/Maputo', 120),
  'central africa time': fixed('Africa/Maputo', 120),
  'west african time': fixed('Africa/Lagos', 60),
  'west africa time': fixed('Africa/Lagos', 60),
  'south african standard time': fixed('Africa/Johannesburg', 120),
  'india standard time': fixed('Asia/Kolkata', 330),
  'indian standard time': fixed('Asia/Kolkata', 330),
  'japan standard time': fixed('Asia/Tokyo', 540),
  'singapore time': fixed('Asia/Singapore', 480),
  'australian eastern standard time': std('Australia/Sydney', 600, 'Australian Eastern Standard Time', 'Australian Eastern Daylight Time'),
  'australian eastern daylight time': dst('Australia/Sydney', 660, 'Australian Eastern Standard Time', 'Australian Eastern Daylight Time'),
};

/** The regions that open a spelled-out name, for a bounded scan ("Pacific" … "Time"). */
export const NAME_RE = /\b(?:coordinated universal|universal|greenwich mean|zulu|pacific(?: standard| daylight)?|mountain(?: standard| daylight)?|central(?: standard| daylight| european(?: summer)?| african?)?|eastern(?: standard| daylight| european(?: summer)?)?|british summer|uk|east african?|west african?|south african standard|indian? standard|japan standard|singapore|australian eastern(?: standard| daylight)?)[ \t]time\b/iy;
