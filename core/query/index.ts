/** The question parser: deterministic, no I/O. */
export { parseQuestion } from './parse';
export { compileLexicon, type CompiledLexicon } from './lexicon';
export * from './types';
