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
}

/** An import's answer: the year, and how many open cases' deadlines were recomputed on the new calendar. */
export interface HolidayImported {
  year: number;
  openCasesRetimed: number;
  /** Some open cases are still owed their re-timing: a node finishes it in the background (ADR 0078). */
  retimingPending?: boolean;
}

export const holidaysApi = {
  coverage: () => api.get<HolidayCoverage>('/calendar/holidays'),
  year: (year: number) => api.get<HolidayYear>(`/calendar/holidays/${year}`),
  preview: (text: string) => api.postJsonText<HolidayPreview>('/calendar/holidays/preview', text),
  importYear: (text: string) => api.postJsonText<HolidayImported>('/calendar/holidays', text),
};

export const holidayKeys = {
  coverage: ['calendar', 'holidays'] as const,
  year: (year: number) => ['calendar', 'holidays', year] as const,
};
