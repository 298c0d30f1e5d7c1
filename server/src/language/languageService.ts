/**
 * The language service: one entry that turns a document into its model and answers every feature from it.
 * Pure: no LSP connection, no `vscode`, no I/O. Hosts (the server, the CLI, tests) own caching and files.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction,
  CodeActionContext,
  CompletionList,
  Diagnostic,
  DocumentLink,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Location,
  Position,
  Range,
  SymbolInformation,
} from 'vscode-languageserver-types';
import { getDictionaries, type Dictionaries } from './dicts/dictionaries';
import type { CablesTreeNode, CablesTreeParams } from '../../../shared/protocol';
import { cablesTreeChildren } from './features/cablesTree';
import { getCodeActions } from './features/codeActions';
import { doComplete } from './features/completion';
import { getFoldingRanges } from './features/folding';
import { doHover } from './features/hover/hover';
import { findDefinition, findDocumentLinks, findReferences } from './features/links';
import { ModelCaches } from './features/modelCache';
import { MAX_SYMBOLS, outlineCableFile } from './features/symbols';
import { findWorkspaceSymbols } from './features/workspaceSymbols';
import { getPreview } from './features/preview';
import type { PreviewDocument } from '../../../shared/previewProtocol';
import type { CableFile } from './model';
import { parseCableFile } from './parse/parseCableFile';
import { reparseCableFile, type PreviousParse } from './parse/reparseCableFile';
import { validateCableFile } from './rules/validate';
import type { LanguageSettings } from './settings';
import { InMemoryWorkspaceIndex, type WorkspaceIndex } from './workspace/workspaceIndex';

export interface LanguageServiceOptions {
  /** Where cross-references look for other cables; an empty index when absent. */
  workspace?: WorkspaceIndex;
  dictionaries?: Dictionaries;
}

export interface ValidationResult {
  diagnostics: Diagnostic[];
  /** True when `maxNumberOfProblems` cut the list. */
  capped: boolean;
}

/** Told about a rule that threw (it is also reported as a CBL000 diagnostic), so the host can log the stack. */
export type RuleFailureListener = (rule: { code: string; name: string }, error: unknown) => void;

/** Told about a parser bug (the model then holds a CBL002 problem), so the host can log the stack. */
export type ParseFailureListener = (error: unknown) => void;

export interface LanguageService {
  /** `edited`: the document is being edited, so the parse keeps what the next version's reuses, and reuses `edited.previous`. */
  parse(document: TextDocument, onParseFailure?: ParseFailureListener, edited?: EditedDocument): CableFile;
  validate(model: CableFile, settings: LanguageSettings, onRuleFailure?: RuleFailureListener): ValidationResult;
  getCodeActions(document: TextDocument, model: CableFile, range: Range, context: CodeActionContext): CodeAction[];
  /** The outline; `onCapped` hears when it was cut at MAX_SYMBOLS, so the host can tell the user. */
  findDocumentSymbols(document: TextDocument, model: CableFile, onCapped?: (limit: number) => void): DocumentSymbol[];
  getFoldingRanges(document: TextDocument, model: CableFile): FoldingRange[];
  doHover(document: TextDocument, model: CableFile, position: Position, settings: LanguageSettings): Hover | null;
  doComplete(document: TextDocument, model: CableFile, position: Position): CompletionList;
  findDocumentLinks(document: TextDocument, model: CableFile): DocumentLink[];
  findDefinition(document: TextDocument, model: CableFile, position: Position): Location[];
  findReferences(document: TextDocument, model: CableFile, position: Position, includeDeclaration?: boolean): Location[];
  findWorkspaceSymbols(query: string): SymbolInformation[];
  /** The children of one node of the Cables view. */
  getCablesTree(params: CablesTreeParams): CablesTreeNode[];
  /** The Cable Preview's reading view of the file (header cards and reflowed body); `settings` for the user's acronyms. */
  getPreview(document: TextDocument, model: CableFile, settings?: LanguageSettings): PreviewDocument;
}

/** A document open in an editor: its versions are parsed one from the other (`reparseCableFile`). */
export interface EditedDocument {
  /** The text and model of the version parsed before, if any: only the cables an edit touched are parsed again. */
  previous?: PreviousParse;
}

/**
 * The parse every host uses: the document's whole text, its uri as the file name; for a document being edited,
 * from the previous version's text and model, parsing again only the cables an edit touched (the model is the
 * same). It needs no service, so a host's model cache can exist before one.
 */
export function parseCableDocument(document: TextDocument, onParseFailure?: ParseFailureListener, edited?: EditedDocument): CableFile {
  const options = { fileName: document.uri, onFailure: onParseFailure };
  return edited ? reparseCableFile(edited.previous, document.getText(), options) : parseCableFile(document.getText(), options);
}

export function getLanguageService(options: LanguageServiceOptions = {}): LanguageService {
  const dictionaries = options.dictionaries ?? getDictionaries();
  const workspace = options.workspace ?? new InMemoryWorkspaceIndex();
  const caches = new ModelCaches();
  return {
    parse: parseCableDocument,
    validate: (model, settings, onRuleFailure) => validateCableFile(model, settings, dictionaries, { onRuleFailure }),
    getCodeActions: (document, model, range, context) => getCodeActions(document, model, range, context),
    findDocumentSymbols: (document, model, onCapped) => {
      const { symbols, capped } = outlineCableFile(document, model);
      if (capped) onCapped?.(MAX_SYMBOLS);
      return symbols;
    },
    getFoldingRanges: (document, model) => getFoldingRanges(document, model),
    doHover: (document, model, position, settings) =>
      doHover(document, model, position, settings, { dictionaries, workspace, cache: caches.of(document, model) }),
    doComplete: (document, model, position) => doComplete(document, model, position),
    findDocumentLinks: (document, model) => findDocumentLinks(document, model, workspace),
    findDefinition: (document, model, position) => findDefinition(document, model, position, workspace),
    findReferences: (document, model, position, includeDeclaration) =>
      findReferences(document, model, position, workspace, includeDeclaration),
    findWorkspaceSymbols: (query) => findWorkspaceSymbols(query, workspace),
    getCablesTree: (params) => cablesTreeChildren(workspace, params, dictionaries),
    getPreview: (document, model, settings) =>
      getPreview(document, model, { dictionaries, workspace, settings, cache: caches.of(document, model) }),
  };
}
