/** File rules (0xx): what the parser could not read at all, reported from `CableFile.problems`. */
import type { CableFile } from '../model';
import type { FileRule, RuleContext } from './rule';

/** Reports the parse problems recorded under `problemCode` as they are: the parser already wrote the message. */
function reportParseProblems(problemCode: string) {
  return (file: CableFile, context: RuleContext) => {
    for (const problem of file.problems) {
      if (problem.code === problemCode) context.report({ range: problem.range, message: problem.message });
    }
  };
}

export const binaryContentRule: FileRule = {
  code: 'CBL001',
  name: 'binary-content',
  severity: 'error',
  description: 'The file holds control characters, so it is no plain-text cable; nothing else is checked.',
  scope: 'file',
  stage: 'syntax',
  check: reportParseProblems('binary-content'),
};

export const parserFailureRule: FileRule = {
  code: 'CBL002',
  name: 'parser-failure',
  // A parser bug, not a fault of the cable: the user should know nothing was checked, not that the cable is wrong.
  severity: 'warning',
  description: 'The parser failed on this text (a bug to report); nothing else is checked.',
  scope: 'file',
  stage: 'syntax',
  check: reportParseProblems('parser-failure'),
};

export const FILE_RULES: FileRule[] = [binaryContentRule, parserFailureRule];
