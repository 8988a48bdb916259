/**
 * How often pages that change under the user's eyes (the bell, the task inbox, the ticket list) ask the server
 * again while their tab is visible (ADR 0038: polling, not server push). A hidden tab does not ask; coming back
 * to it does at once (the query client refetches on focus).
 */
export const REFRESH_MILLIS = 30_000;
