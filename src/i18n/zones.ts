/**
 * Time zones (decision 054): which IANA names are accepted, the calendar day an instant falls on in
 * a zone, and an organisation's effective zone. Kernel code, so every capability (people,
 * assessments, insights, mail) reads "today" and formats times the same way.
 */

/** Canadian zones, offered first (the organisations are Canadian library systems), east to west. */
export const CANADIAN_ZONES = [
  "America/St_Johns",
  "America/Halifax",
  "America/Glace_Bay",
  "America/Moncton",
  "America/Goose_Bay",
  "America/Toronto",
  "America/Iqaluit",
  "America/Winnipeg",
  "America/Rankin_Inlet",
  "America/Regina",
  "America/Swift_Current",
  "America/Edmonton",
  "America/Cambridge_Bay",
  "America/Inuvik",
  "America/Vancouver",
  "America/Whitehorse",
  "America/Dawson_Creek",
  "America/Fort_Nelson",
  "America/Creston",
] as const;

let supported: ReadonlySet<string> | undefined;

/**
 * Every zone this runtime knows, plus "UTC" (which Intl.supportedValuesOf leaves out on some
 * versions of ICU although every formatter accepts it).
 */
export function supportedTimeZones(): ReadonlySet<string> {
  supported ??= new Set(["UTC", ...Intl.supportedValuesOf("timeZone")]);
  return supported;
}

export const isTimeZone = (value: string): boolean => supportedTimeZones().has(value);

/** The Canadian zones this runtime knows, then every zone (the select's two groups). */
export function timeZoneChoices(): { canadian: string[]; all: string[] } {
  const all = [...supportedTimeZones()].sort();
  return { canadian: CANADIAN_ZONES.filter((zone) => supportedTimeZones().has(zone)), all };
}

// One formatter per zone: building one costs far more than formatting with it, and the reminder
// job and the pages ask the same few zones again and again. Only known zones get here (validated
// at the edge and at start), so the map stays as small as the zone list.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormats.set(timeZone, format);
  }
  return format;
}

/**
 * The calendar day (YYYY-MM-DD) an instant falls on in a zone. Built from the formatter's parts,
 * not its text, so no locale's punctuation or numbering can change the result.
 */
export function dayIn(at: Date, timeZone: string): string {
  if (timeZone === "UTC") return at.toISOString().slice(0, 10);
  let year = "";
  let month = "";
  let day = "";
  for (const part of dayFormat(timeZone).formatToParts(at)) {
    if (part.type === "year") year = part.value;
    else if (part.type === "month") month = part.value;
    else if (part.type === "day") day = part.value;
  }
  return `${year.padStart(4, "0")}-${month}-${day}`;
}

/**
 * The instant (ISO) a calendar day begins in a zone: a filter "from D to E" in an organisation's
 * days runs from the start of D to the start of the day after E there. Found by bisection on the
 * seconds around UTC's midnight (every offset is within ±14 h and a whole number of seconds), so a
 * change of offset at midnight (a day that starts at 01:00) needs no special case.
 */
export function startOfDayIn(day: string, timeZone: string): string {
  const midnight = Date.parse(`${day}T00:00:00.000Z`);
  if (timeZone === "UTC") return new Date(midnight).toISOString();
  // The first second at which the zone's day is `day` or later (days compare as text).
  let low = midnight / 1000 - 15 * 3600;
  let high = midnight / 1000 + 15 * 3600;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (dayIn(new Date(middle * 1000), timeZone) >= day) high = middle;
    else low = middle + 1;
  }
  return new Date(low * 1000).toISOString();
}

/** An organisation's own zone when it has one, else the instance's (config TIME_ZONE). */
export function effectiveTimeZone(organisation: { time_zone?: string | null }, instanceZone: string): string {
  const own = organisation.time_zone;
  // A zone the runtime no longer knows (an ICU update dropped an alias) falls back rather than throws.
  return own && isTimeZone(own) ? own : instanceZone;
}
