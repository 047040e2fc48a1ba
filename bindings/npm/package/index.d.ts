// Types of the callcheck npm package. The report is the document that
// `callcheck check --format json` prints (schemas/callcheck/report.schema.json).

export type Severity = 'error' | 'warning' | 'info';
export type ApiVersion = 'v1.0' | 'beta';
export type RuleLevel = 'off' | Severity;

export interface Limits {
  maxBytes?: number;
  maxDepth?: number;
  maxString?: number;
  maxKey?: number;
  maxMembers?: number;
  maxElements?: number;
}

export interface CheckOptions {
  /** Graph API profile (default "v1.0"). */
  api?: ApiVersion;
  /** Granted application permissions; omitted: not compared. */
  scopes?: string[] | null;
  /** The request line, e.g. "POST https://graph.microsoft.com/v1.0/communications/calls" (endpoint checks). */
  request?: string;
  /** Rule codes, names or code prefixes ("CC2"). */
  select?: string[];
  ignore?: string[];
  rules?: Record<string, RuleLevel>;
  /** Also run the rules whose status is preview. */
  preview?: boolean;
  /** Lowest severity that makes checkStatus() return FINDINGS (default "error"). */
  failOn?: Severity;
  limits?: Limits;
  /** The name shown as the report's path (default "<body>"). */
  source?: string;
}

export interface Diagnostic {
  code: string;
  name: string;
  severity: Severity;
  message: string;
  /** RFC 6901 JSON Pointer; "" is the whole document. */
  pointer: string;
  /** 1-based; 0 means unknown. Columns count Unicode code points. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  help?: string;
  /** A mechanical edit that resolves the finding (`callcheck check --fix`). */
  fix?: Fix;
}

export interface FixEdit {
  line: number;
  column: number;
  endLine: number;
  /** Exclusive; equal to column for an insertion. */
  endColumn: number;
  /** The new text; "" deletes. */
  replacement: string;
}

export interface Fix {
  /** safe: the meaning is kept; unsafe: it may change (`--unsafe-fixes`). */
  safety: "safe" | "unsafe";
  description: string;
  edits: FixEdit[];
}

export interface Scenario {
  kind: 'peer-to-peer' | 'peer-to-peer-pstn' | 'group-call' | 'join-meeting' | 'join-meeting-by-id' |
    'join-meeting-as-guest' | 'ambiguous' | 'unknown';
  media: 'service-hosted' | 'app-hosted' | 'unknown';
  evidence: string;
  media_evidence: string;
  summary: string;
}

export interface FileReport {
  path: string;
  origin?: string;
  input_error: boolean;
  diagnostics: Diagnostic[];
  scenario: Scenario;
  required_scopes: string[];
  scope_reasons: { name: string; reason: string }[];
  alternatives: { scopes: string[]; note: string }[];
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  input_errors: number;
  files_with_findings: number;
}

export interface Report {
  version: 1;
  /** The body's entry (and first, when `scopes` had misspelt names, an entry "--scopes"). */
  files: FileReport[];
  summary: Summary;
}

export interface RuleInfo {
  code: string;
  name: string;
  severity: Severity;
  status: 'stable' | 'preview' | 'deprecated' | 'removed';
  always_reported: boolean;
  /** Whether the rule has a fix, and how safe it is (`callcheck check --fix`). */
  fix: 'none' | 'safe' | 'unsafe';
  summary: string;
  /** Markdown: What it does / Why is this bad? / Example / Use instead. */
  explanation: string;
}

/** A body: JSON text, its bytes, or an object that is serialised as the client would. */
export type Body = string | Uint8Array | ArrayBuffer | ArrayBufferView | object;

/** Bad options: callcheck could not check (the CLI's exit code 2). */
export class CallcheckError extends Error {}

export const CLEAN: 0;
export const FINDINGS: 1;
export const FAILURE: 2;

export interface Callcheck {
  check(body: Body, options?: CheckOptions): Report;
  checkStatus(body: Body, options?: CheckOptions): { status: 0 | 1; report: Report };
  hasErrors(report: Report): boolean;
  rules(): RuleInfo[];
  version(): string;
}

export function check(body: Body, options?: CheckOptions): Report;
export function checkStatus(body: Body, options?: CheckOptions): { status: 0 | 1; report: Report };
export function hasErrors(report: Report): boolean;
export function rules(): RuleInfo[];
export function version(): string;
/** Node: resolves at once. Browsers (callcheck/browser): loads the WebAssembly module first. */
export function init(options?: { wasmUrl?: string | URL }): Promise<Callcheck>;
