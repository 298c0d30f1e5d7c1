/**
 * In-process figures: the floor (decode + split into lines), the parser alone, the full analysis
 * (parse + every rule + outline) and TextMate tokenization of the same text.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../server/src/language/languageService';
import { parseCableFile } from '../../server/src/language/parse/parseCableFile';
import { DEFAULT_SETTINGS } from '../../server/src/language/settings';
import type { BenchInput } from './inputs';
import { time, type Timing } from './measure';
import { loadCableGrammar, tokenizeText } from './tokenize';

export interface AnalysisFigures {
  input: BenchInput;
  floor: Timing;
  parse: Timing;
  analysis: Timing;
  tokenize: Timing;
}

const service = getLanguageService();

function floor(input: BenchInput) {
  let lines = 0;
  for (const buffer of input.buffers) lines += buffer.toString('utf8').split(/\r\n|\r|\n/).length;
  return lines;
}

function parseOnly(input: BenchInput) {
  let cables = 0;
  for (const buffer of input.buffers) cables += parseCableFile(buffer.toString('utf8')).cables.length;
  return cables;
}

function analyse(input: BenchInput) {
  let count = 0;
  input.buffers.forEach((buffer, i) => {
    const document = TextDocument.create(`file:///bench/${i}.cable`, 'cable', 1, buffer.toString('utf8'));
    const model = service.parse(document);
    count += service.validate(model, DEFAULT_SETTINGS).diagnostics.length;
    count += service.findDocumentSymbols(document, model).length;
  });
  return count;
}

export async function measureAnalysis(inputs: BenchInput[]): Promise<AnalysisFigures[]> {
  const grammar = await loadCableGrammar();
  return inputs.map((input) => {
    const runs = input.bytes > 2_000_000 ? 5 : 15;
    const texts = input.buffers.map((b) => b.toString('utf8'));
    return {
      input,
      floor: time(() => floor(input), runs),
      parse: time(() => parseOnly(input), runs),
      analysis: time(() => analyse(input), runs),
      tokenize: time(() => texts.forEach((text) => tokenizeText(grammar, text)), Math.min(runs, 5), 1),
    };
  });
}
