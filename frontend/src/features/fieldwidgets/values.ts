/** Form values of the field-step widgets (contracts of issue 12: BPMN property `widget`). */

/** `photos`: comma-separated attachment ids. */
export function parseIds(value: string | undefined | null): number[] {
  return (value ?? '')
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n > 0);
}

/** `location`: JSON {"lat","lng","accuracy"} (degrees, metres), or "" when the phone shares no position. */
export interface Location {
  lat: number;
  lng: number;
  accuracy: number;
}

/** Stored to about 0.1 m (6 decimals); the accuracy in whole metres. */
export function toLocationValue(coords: { latitude: number; longitude: number; accuracy: number }): string {
  const round = (n: number, digits: number) => Number(n.toFixed(digits));
  return JSON.stringify({
    lat: round(coords.latitude, 6),
    lng: round(coords.longitude, 6),
    accuracy: Math.round(coords.accuracy),
  } satisfies Location);
}

export function parseLocation(value: string | undefined | null): Location | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(value) as Partial<Location>;
    if (typeof parsed.lat === 'number' && typeof parsed.lng === 'number') {
      return { lat: parsed.lat, lng: parsed.lng, accuracy: typeof parsed.accuracy === 'number' ? parsed.accuracy : 0 };
    }
  } catch {
    // not a location: shown as none
  }
  return null;
}
