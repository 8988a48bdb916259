import { api } from '../../api/client';

// The working calendar's statutory holidays (/api/calendar/holidays): every signed-in user reads the coverage;
// admins, supervisors, the desk and process owners read a year; admins preview and import one.

export interface HolidayCoverage {
  yearsCovered: number[];
  /** This year and next year when they have no data (next year from 1 January on). */
  missingYears: number[];
  /** Years whose import still owes open cases their re-timing (finished in the background, ADR 0078). */
  retimingPending?: number[];
}

export type HolidaySource = 'SHIPPED' | 'IMPORTED';

/** One holiday: its off days and the make-up workdays (调休上班) listed under its name, as yyyy-MM-dd. */
export interface HolidayGroup {
  name: string;
  offDays: string[];
  makeUpDays: string[];
}

export interface HolidayYear {
  year: number;
  source: HolidaySource;
  importedAt?: string | null;
  importedBy?: string | null;
  offDays: number;
  makeUpDays: number;
  holidays: HolidayGroup[];
}

/** What an import would store; replaces says whose data of that year it would replace (absent for a new year). */
export interface HolidayPreview {
  year: number;
  offDays: number;
  makeUpDays: number;
  holidays: HolidayGroup[];
  replaces?: HolidaySource | null;
  /** How many open cases' working-time deadlines the import would recompute. */
  openCasesToRetime: number;
  /** Open cases whose data the re-timing cannot replay: the import would skip and list them (ADR 0083). */
  openCasesNotRetimable?: number;
}

/** An import's answer: the year, and how many open cases' deadlines were recomputed on the new calendar. */
export interface HolidayImported {
  year: number;
  openCasesRetimed: number;
  /** Open cases the re-timing could not move (skipped, listed for checking by hand, ADR 0083). */
  openCasesNotRetimed?: number;
  /** Some open cases are still owed their re-timing: a node finishes it in the background (ADR 0078). */
  retimingPending?: boolean;
}

/**
 * Why a case was skipped or a re-timing given up (ADR 0086): a kind the page words in the reader's language
 * (holidays.reasons.*); the server's error text stays in its log.
 */
export type RetimingFailure =
  | 'CASE_TIME_ZONE'
  | 'CASE_TIMES'
  | 'CASE_DATA'
  | 'CONCURRENT_CHANGE'
  | 'DATABASE_UNAVAILABLE'
  | 'PROCESS_ENGINE'
  | 'HOLIDAY_DOCUMENT'
  | 'NODE_STOPPED'
  | 'OTHER';

/** A case a re-timing skipped: its id (for the link), its number, why, and when that was recorded. */
export interface SkippedCase {
  id: number;
  number: string;
  reason?: RetimingFailure | null;
  skippedAt?: string | null;
}

/** An admin's re-time of a skipped case: whether a deadline moved (false: the new calendar does not change them). */
export interface SkippedCaseRetimed {
  ticketId: number;
  number: string;
  moved: boolean;
}

/**
 * An import's re-timing someone has to act on (ADR 0083): given up after repeated failures (an admin may retry), or
 * with open cases it could not re-time (the first 50 listed; openCasesNotRetimed counts them all).
 */
export interface RetimingToCheck {
  id: number;
  year: number;
  importedAt: string;
  openCasesRetimed: number;
  givenUp: boolean;
  finished: boolean;
  /** Why it was given up (only then). */
  reason?: RetimingFailure | null;
  openCasesNotRetimed: number;
  notRetimed: SkippedCase[];
}

export const holidaysApi = {
  coverage: () => api.get<HolidayCoverage>('/calendar/holidays'),
  year: (year: number) => api.get<HolidayYear>(`/calendar/holidays/${year}`),
  preview: (text: string) => api.postJsonText<HolidayPreview>('/calendar/holidays/preview', text),
  importYear: (text: string) => api.postJsonText<HolidayImported>('/calendar/holidays', text),
  retimings: () => api.get<RetimingToCheck[]>('/calendar/holidays/retimings'),
  retry: (id: number) => api.post<void>(`/calendar/holidays/retimings/${id}/retry`),
  retimeSkipped: (id: number, ticketId: number) =>
    api.post<SkippedCaseRetimed>(`/calendar/holidays/retimings/${id}/skipped/${ticketId}/retime`),
};

export const holidayKeys = {
  coverage: ['calendar', 'holidays'] as const,
  year: (year: number) => ['calendar', 'holidays', year] as const,
  retimings: ['calendar', 'holidays', 'retimings'] as const,
};
