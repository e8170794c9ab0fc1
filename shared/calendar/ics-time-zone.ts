// The IANA zone a TZID names. Google and Apple write IANA names ("Asia/Bangkok"); Outlook writes
// Windows names ("SE Asia Standard Time") or display names ("(UTC+07:00) Bangkok, Hanoi, Jakarta").
// The zones Thai offices and their partners meet are mapped; others fall back (see ics-import).
import { isKnownTimeZone } from './zoned-time';

const WINDOWS_ZONES: Record<string, string> = {
  'SE Asia Standard Time': 'Asia/Bangkok',
  'Myanmar Standard Time': 'Asia/Yangon',
  'Singapore Standard Time': 'Asia/Singapore',
  'China Standard Time': 'Asia/Shanghai',
  'Taipei Standard Time': 'Asia/Taipei',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'Korea Standard Time': 'Asia/Seoul',
  'India Standard Time': 'Asia/Kolkata',
  'AUS Eastern Standard Time': 'Australia/Sydney',
  'GMT Standard Time': 'Europe/London',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Romance Standard Time': 'Europe/Paris',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Eastern Standard Time': 'America/New_York',
  'Central Standard Time': 'America/Chicago',
  'Mountain Standard Time': 'America/Denver',
  'Pacific Standard Time': 'America/Los_Angeles',
  'UTC': 'UTC',
  'Coordinated Universal Time': 'UTC',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
};

// Outlook's display names name a city; a few of them are enough to recognise the zone.
const DISPLAY_NAME_CITIES: [RegExp, string][] = [
  [/Bangkok|Hanoi|Jakarta/i, 'Asia/Bangkok'],
  [/Yangon|Rangoon/i, 'Asia/Yangon'],
  [/Kuala Lumpur|Singapore/i, 'Asia/Singapore'],
  [/Beijing|Chongqing|Hong Kong|Urumqi/i, 'Asia/Shanghai'],
  [/Osaka|Sapporo|Tokyo/i, 'Asia/Tokyo'],
  [/Pacific Time/i, 'America/Los_Angeles'],
  [/Eastern Time/i, 'America/New_York'],
  [/Amsterdam|Berlin|Bern|Rome|Stockholm|Vienna/i, 'Europe/Berlin'],
  [/Dublin|Edinburgh|Lisbon|London/i, 'Europe/London'],
];

/** The IANA zone for a TZID, or null when it names none this runtime knows. */
export function ianaZoneOf(tzid: string): string | null {
  const name = tzid.trim().replace(/^\/+/, '');
  if (isKnownTimeZone(name)) return name;
  const windows = WINDOWS_ZONES[name];
  if (windows) return windows;
  for (const [pattern, zone] of DISPLAY_NAME_CITIES) if (pattern.test(name)) return zone;
  return null;
}
