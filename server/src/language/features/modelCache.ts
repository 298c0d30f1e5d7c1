/**
 * What features work out from one model only when first asked, and keep for as long as the model lives: the
 * acronyms each cable defines in its text (`the Federal Investigative Agency (AFI)`), which plain parsing
 * does not pay for. A model stands for one version of its document, so what is kept never goes stale.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Cable, CableFile } from '../model';
import { scanAcronymDefinitions, type AcronymDefinition } from '../parse/acronymDefinitions';

/** The on-demand facts of one model, read from its document's text. */
export class ModelCache {
  private readonly definitions = new Map<Cable, ReadonlyMap<string, AcronymDefinition>>();

  constructor(private readonly document: TextDocument) {}

  /** The cable's own definitions, acronym → first definition. */
  acronymDefinitions(cable: Cable): ReadonlyMap<string, AcronymDefinition> {
    let found = this.definitions.get(cable);
    if (!found) {
      found = scanAcronymDefinitions(this.document, cable);
      this.definitions.set(cable, found);
    }
    return found;
  }
}

/** One `ModelCache` per model, held by the language service; a model no longer used takes its cache with it. */
export class ModelCaches {
  private readonly byModel = new WeakMap<CableFile, ModelCache>();

  of(document: TextDocument, model: CableFile): ModelCache {
    let cache = this.byModel.get(model);
    if (!cache) {
      cache = new ModelCache(document);
      this.byModel.set(model, cache);
    }
    return cache;
  }
}
