/**
 * The request handlers of the language features. Each finds the document, takes the cached model of its
 * version and calls the language service; `runSafe` turns errors and cancellation into empty answers, and
 * an unknown document or a position past its end gets the empty answer without calling the service.
 */
import { MessageType, ShowMessageNotification, type CancellationToken, type Connection, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentModels } from './documents/documentModels';
import type { LanguageService } from './language/languageService';
import type { CableFile } from './language/model';
import { getRuleOffActions } from './language/features/ruleOffActions';
import { runSafe } from './runSafe';
import { PREVIEW_REQUEST, type PreviewDocument, type PreviewParams } from '../../shared/previewProtocol';
import type { SettingsStore } from './settings/settingsStore';
import { formatCount } from '../../shared/formatCount';

export interface FeatureContext {
  connection: Connection;
  documents: { get(uri: string): TextDocument | undefined };
  models: DocumentModels;
  settings: SettingsStore;
  service: LanguageService;
}

/** True when `position` names a character of the document (or the end of one of its lines). */
export function isInside(document: TextDocument, position: Position): boolean {
  if (position.line < 0 || position.character < 0 || position.line >= document.lineCount) return false;
  const line = document.getText({ start: { line: position.line, character: 0 }, end: { line: position.line + 1, character: 0 } });
  return position.character <= line.replace(/\r?\n$|\r$/, '').length;
}

export function registerFeatureHandlers(context: FeatureContext): void {
  const { connection, models, service } = context;
  const log = connection.console;

  /** Runs `work` on an open document's model, safely; `emptyValue` for unknown documents. */
  function onDocument<T>(
    what: string,
    uri: string,
    emptyValue: T,
    token: CancellationToken,
    work: (document: TextDocument, model: CableFile) => T | Promise<T>,
  ): Promise<T> {
    return runSafe(log, what, uri, emptyValue, token, () => {
      const document = context.documents.get(uri);
      return document ? work(document, models.get(document)) : emptyValue;
    });
  }

  /** Same, for requests at a position: a position outside the document gets `emptyValue`. */
  function atPosition<T>(
    what: string,
    uri: string,
    position: Position,
    emptyValue: T,
    token: CancellationToken,
    work: (document: TextDocument, model: CableFile) => T | Promise<T>,
  ): Promise<T> {
    return onDocument(what, uri, emptyValue, token, (document, model) =>
      isInside(document, position) ? work(document, model) : emptyValue,
    );
  }

  const toldOutlineCapped = new Set<string>();
  connection.onDocumentSymbol(({ textDocument }, token) =>
    onDocument('documentSymbol', textDocument.uri, [], token, (document, model) =>
      service.findDocumentSymbols(document, model, (limit) => {
        if (toldOutlineCapped.has(document.uri)) return;
        toldOutlineCapped.add(document.uri);
        const message = `The outline of ${document.uri.replace(/^.*\//, '')} shows its first ${formatCount(limit)} entries only.`;
        void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message });
      }),
    ),
  );
  connection.onFoldingRanges(({ textDocument }, token) =>
    onDocument('foldingRange', textDocument.uri, [], token, (document, model) => service.getFoldingRanges(document, model)),
  );
  connection.onHover(({ textDocument, position }, token) =>
    atPosition('hover', textDocument.uri, position, null, token, async (document, model) => {
      const version = document.version;
      const settings = await context.settings.get(document.uri);
      // The await let edits in: answer only for the version the model was parsed from.
      return document.version !== version ? null : service.doHover(document, model, position, settings.language);
    }),
  );
  connection.onCompletion(({ textDocument, position }, token) =>
    atPosition('completion', textDocument.uri, position, null, token, (document, model) => service.doComplete(document, model, position)),
  );
  connection.onCodeAction(({ textDocument, range, context: actionContext }, token) =>
    onDocument('codeAction', textDocument.uri, [], token, (document, model) => [
      ...service.getCodeActions(document, model, range, actionContext),
      ...getRuleOffActions(document, range, actionContext),
    ]),
  );
  connection.onDocumentLinks(({ textDocument }, token) =>
    onDocument('documentLink', textDocument.uri, [], token, (document, model) => service.findDocumentLinks(document, model)),
  );
  connection.onDefinition(({ textDocument, position }, token) =>
    atPosition('definition', textDocument.uri, position, [], token, (document, model) => service.findDefinition(document, model, position)),
  );
  connection.onReferences(({ textDocument, position, context }, token) =>
    atPosition('references', textDocument.uri, position, [], token, (document, model) =>
      service.findReferences(document, model, position, context?.includeDeclaration),
    ),
  );
  connection.onWorkspaceSymbol(({ query }, token) =>
    runSafe(log, 'workspaceSymbol', undefined, [], token, () => service.findWorkspaceSymbols(query)),
  );
  connection.onRequest(PREVIEW_REQUEST, ({ textDocument }: PreviewParams, token) =>
    onDocument<PreviewDocument | null>('preview', textDocument.uri, null, token, async (document) => {
      const settings = await context.settings.get(document.uri);
      // Edits may have come in during the await: the preview is of the latest version.
      const latest = context.documents.get(document.uri) ?? document;
      return service.getPreview(latest, models.get(latest), settings.language);
    }),
  );
}
