// Types of callcheck/graph: a middleware for @microsoft/microsoft-graph-client.
import type { Diagnostic, Report, Severity, ApiVersion, CheckOptions } from './index';

export interface CheckedRequest {
  method: string;
  url: string;
  what: string;
}

export type FindingsCallback = (findings: Diagnostic[], report: Report, request: CheckedRequest) => void | Promise<void>;

export interface CallcheckMiddlewareOptions {
  /** 'throw' (default): the request is not sent; 'log': logged, then sent; a function: called, then sent unless it throws. */
  action?: 'throw' | 'log' | FindingsCallback;
  failOn?: Severity;
  /** Granted application permissions, compared with what the call needs. */
  scopes?: string[];
  /** Default: the version segment of the request URL. */
  api?: ApiVersion;
  logger?: { warn(message: string): void };
  checkOptions?: Omit<CheckOptions, 'api' | 'scopes' | 'request' | 'failOn' | 'source'>;
}

/** The Graph client's Context, as far as the middleware reads it. */
export interface MiddlewareContext {
  request: string | { url: string; method?: string };
  options?: { method?: string; body?: unknown };
}

export interface GraphMiddleware {
  execute(context: any): Promise<void>;
  setNext?(middleware: GraphMiddleware): void;
}

/** The Graph client wraps it in a GraphError (code "CallcheckFindingsError"): from() recovers it. */
export class CallcheckFindingsError extends Error {
  readonly report: Report;
  readonly findings: Diagnostic[];
  readonly request: CheckedRequest;
  static from(error: unknown): CallcheckFindingsError | null;
}

export class CallcheckMiddleware implements GraphMiddleware {
  constructor(options?: CallcheckMiddlewareOptions);
  setNext(next: GraphMiddleware): void;
  execute(context: MiddlewareContext): Promise<void>;
  /** The report for this request, or null when callcheck does not check this kind of request. */
  inspect(context: MiddlewareContext): { report: Report; findings: Diagnostic[]; request: CheckedRequest } | null;
}

export const CHECKED_REQUESTS: ReadonlyArray<{ method: string; path: RegExp; what: string }>;
