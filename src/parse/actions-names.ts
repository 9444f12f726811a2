import type { LeibnizActionDict } from '../../grammar/leibniz.ohm-bundle.js';
import { run } from './context.js';
import { GREEK_LETTERS, functionName } from './names.js';

/** The `name` operation: the name a symbol or function is known by (`\phi` → `ϕ`, `\operatorname{Tr}` → `tr`). */
export const nameActions: LeibnizActionDict<string> = {
  symbolName(letter) {
    return run<string>(letter, "name");
  },
  symbolLetter(_letter) {
    return this.sourceString;
  },
  greekCommand(_backslash, word) {
    return GREEK_LETTERS.get(word.sourceString) ?? word.sourceString;
  },
  asciiGreek(word) {
    return GREEK_LETTERS.get(word.sourceString) ?? word.sourceString;
  },
  DeclName(inner) {
    return run<string>(inner, "name");
  },
  Wrapped(_cmd, _lb, inner, _rb) {
    return run<string>(inner, "name");
  },
  number(_digits, _dot, _fraction) {
    return this.sourceString;
  },
  functionName_latex(fn) {
    return run<string>(fn, "name");
  },
  functionName_ascii(word, _next) {
    return functionName(word.sourceString);
  },
  prefixFunctionName_latex(fn) {
    return run<string>(fn, "name");
  },
  prefixFunctionName_ascii(word) {
    return functionName(word.sourceString);
  },
  latexFunctionName_command(_backslash, word) {
    return functionName(word.sourceString);
  },
  latexFunctionName_wrapped(_cmd, _lb, word, _rb) {
    return functionName(word.sourceString);
  },
};
