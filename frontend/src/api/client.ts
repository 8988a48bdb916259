import i18n, { acceptLanguage } from '../i18n';
import { showable } from './readable';
import type { FieldError, Problem } from './types';

const AUTH_KEY = 'aftercare.auth';

/** Error thrown for any non-2xx answer; carries the RFC 7807 body when there is one. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title || `HTTP ${problem.status}`);
    this.status = problem.status;
    this.problem = problem;
  }

  /**
   * The field errors as a form shows them under its fields. Many of the server's field checks are still worded in
   * English; on a Chinese page such a message becomes a Chinese "check this field" under the very field it names,
   * so no English sentence or code name reaches the reader (the raw list stays in problem.errors).
   */
  get fieldErrors(): FieldError[] {
    const errors = this.problem.errors ?? [];
    if (acceptLanguage() !== 'zh-CN') return errors;
    return errors.map((e) => (showable(e.message, true) ? e : { ...e, message: i18n.t('common.fieldInvalid') }));
  }
}

export function basicAuthHeader(username: string, password: string): string {
  // btoa only takes Latin-1; encode as UTF-8 first so non-ASCII passwords work.
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = '';
  bytes.forEach((b) => (binary += String.fromCharCode(b)));
  return `Basic ${btoa(binary)}`;
}

/**
 * An explicit Authorization header for API calls, kept only where tests put it. The app itself stores no
 * credential: with local accounts it rides the HttpOnly session cookie from POST /api/session (page scripts
 * cannot read it), with Keycloak the access token held in memory (auth/oidc.ts).
 */
export const authStore = {
  get: (): string | null => sessionStorage.getItem(AUTH_KEY),
  set: (header: string) => sessionStorage.setItem(AUTH_KEY, header),
  clear: () => sessionStorage.removeItem(AUTH_KEY),
};

/** Where API calls get their Authorization header: none (session cookie), or the Keycloak access token in oidc mode. */
let authHeader: () => string | null = () => authStore.get();

/** The CSRF token the server set as a cookie; changes riding the session cookie must echo it. */
export function csrfToken(): string | null {
  const match = /(?:^|;\s*)XSRF-TOKEN=([^;]+)/.exec(typeof document === 'undefined' ? '' : document.cookie);
  return match ? decodeURIComponent(match[1]) : null;
}

/** Whether API calls carry an Authorization header (tests, Keycloak): an <img src> would then go unauthenticated. */
export function sendsAuthHeader(): boolean {
  return authHeader() != null;
}

export function setAuthHeaderSource(source: () => string | null) {
  authHeader = source;
}

let onUnauthorized: () => void = () => {};

/** Lets the auth layer react when a credential stops working (e.g. server restart, Keycloak session ended). */
export function setUnauthorizedHandler(handler: () => void) {
  onUnauthorized = handler;
}

type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  Object.entries(query).forEach(([k, v]) => {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  });
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

interface RequestOptions {
  method?: string;
  body?: unknown;
  query?: Query;
  headers?: Record<string, string>;
  /** Authorization header to use instead of the stored one (login check). */
  auth?: string;
  /** Return the body as text (e.g. BPMN XML) instead of parsing JSON. */
  text?: boolean;
  /** A body that is JSON text already (an uploaded document), sent as it is rather than serialised. */
  jsonText?: string;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const accept = options.text ? 'application/xml, text/plain, */*' : 'application/json';
  const headers: Record<string, string> = { Accept: accept, 'Accept-Language': acceptLanguage(), ...options.headers };
  const auth = options.auth ?? authHeader();
  if (auth) headers.Authorization = auth;
  const hasBody = options.body !== undefined || options.jsonText !== undefined;
  if (hasBody) headers['Content-Type'] = 'application/json';
  const method = options.method ?? 'GET';
  const xsrf = method !== 'GET' ? csrfToken() : null;
  if (xsrf) headers['X-XSRF-TOKEN'] = xsrf;

  const response = await fetch(withQuery(`api${path}`, options.query), {
    method,
    credentials: 'same-origin',
    headers,
    body: options.jsonText ?? (options.body !== undefined ? JSON.stringify(options.body) : undefined),
  });

  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 401 && !options.auth) onUnauthorized();
    throw new ApiError(problem);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  if (options.text) return text as T;
  return (text ? JSON.parse(text) : undefined) as T;
}

async function readProblem(response: Response): Promise<Problem> {
  try {
    const body = await response.json();
    if (body && typeof body === 'object') return { ...body, status: response.status };
  } catch {
    // Not JSON (e.g. a proxy error page): fall through to a bare problem.
  }
  return { status: response.status, title: response.statusText };
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>(path, { query }),
  /** GET a text body (XML files). */
  getText: (path: string) => request<string>(path, { text: true }),
  post: <T>(path: string, body?: unknown) => request<T>(path, { method: 'POST', body: body ?? {} }),
  /** POST a document that is JSON text already, exactly as given (the server checks and keeps it). */
  postJsonText: <T>(path: string, jsonText: string) => request<T>(path, { method: 'POST', jsonText }),
  /** POST without a body (actions such as "arrived on site"). */
  postEmpty: <T>(path: string) => request<T>(path, { method: 'POST' }),
  put: <T>(path: string, body: unknown) => request<T>(path, { method: 'PUT', body }),
  delete: <T>(path: string) => request<T>(path, { method: 'DELETE' }),
};

/** The file name from a Content-Disposition header (RFC 6266 `filename*` first, then `filename`). */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)?'[^']*'([^;]+)/i.exec(disposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // Malformed percent-encoding: try the plain parameter.
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(disposition);
  const name = plain ? (plain[2] ?? plain[1]).trim() : '';
  return name || fallback;
}

/**
 * Downloads a file with the stored credentials: a plain link cannot send the Authorization
 * header, so the file is fetched as a blob and saved through a temporary object URL.
 */
export async function download(path: string, query: Query | undefined, fallbackName: string): Promise<string> {
  // exports (Excel) are written in the reader's language too
  const headers: Record<string, string> = { 'Accept-Language': acceptLanguage() };
  const auth = authHeader();
  if (auth) headers.Authorization = auth;
  const response = await fetch(withQuery(`api${path}`, query), { headers });
  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 401) onUnauthorized();
    throw new ApiError(problem);
  }
  const blob = await response.blob();
  const name = fileNameFrom(response.headers.get('Content-Disposition'), fallbackName);
  saveBlob(blob, name);
  return name;
}

/** Saves data the page already has (e.g. an edited model) as a file, through a temporary object URL. */
export function saveBlob(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; the blob is small, let it live a while.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Headers of a call made outside `request` (uploads, binary downloads): language, credential, CSRF echo. */
function rawHeaders(method: string): Record<string, string> {
  const headers: Record<string, string> = { 'Accept-Language': acceptLanguage() };
  const auth = authHeader();
  if (auth) headers.Authorization = auth;
  const xsrf = method !== 'GET' ? csrfToken() : null;
  if (xsrf) headers['X-XSRF-TOKEN'] = xsrf;
  return headers;
}

/** POSTs multipart form data (file uploads); the browser sets the multipart boundary. JSON answer, ApiError otherwise. */
export async function postForm<T>(path: string, form: FormData, extraHeaders?: Record<string, string>): Promise<T> {
  const headers = { Accept: 'application/json', ...rawHeaders('POST'), ...extraHeaders };
  const response = await fetch(`api${path}`, { method: 'POST', credentials: 'same-origin', headers, body: form });
  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 401) onUnauthorized();
    throw new ApiError(problem);
  }
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** GETs bytes with the caller's credentials, e.g. an image shown through an object URL (an <img src> sends no header). */
export async function getBlob(path: string): Promise<Blob> {
  const response = await fetch(`api${path}`, { credentials: 'same-origin', headers: rawHeaders('GET') });
  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 401) onUnauthorized();
    throw new ApiError(problem);
  }
  return response.blob();
}
