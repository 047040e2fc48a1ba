import type { Callcheck } from './index';
export { CallcheckError } from './index';
/** Loads the WebAssembly module (default: callcheck-lib.wasm beside callcheck-lib.js). */
export function init(options?: { wasmUrl?: string | URL }): Promise<Callcheck>;
