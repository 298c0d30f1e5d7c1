/** What gets validated for a document: per its settings (enable, onType/onSave), and the one-time cap notice. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentModels } from '../../server/src/documents/documentModels';
import { DocumentValidator } from '../../server/src/diagnostics/documentValidator';
import type { CableFile } from '../../server/src/language/model';
import type { LanguageSettings } from '../../server/src/language/settings';
import { SavedVersions } from '../../server/src/documents/savedVersions';
import { SettingsStore } from '../../server/src/settings/settingsStore';

const URI = 'file:///w/09MEXICO283.txt';

/** Models remember the text they came from; the fake service reports one diagnostic naming that text. */
function setup(section: unknown, options: { capped?: boolean; failingRule?: boolean } = {}) {
  const documents = new Map<string, TextDocument>();
  const models = new DocumentModels(
    (document) => ({ cables: [], problems: [], lineCount: 0, binary: false, text: document.getText() }) as CableFile,
  );
  const saved = new SavedVersions(models);
  const settings = new SettingsStore(async () => section, { info: () => {}, error: () => {} });
  const notices: string[] = [];
  const seenSettings: LanguageSettings[] = [];
  const service = {
    validate(model: CableFile, language: LanguageSettings, onRuleFailure?: (rule: { code: string; name: string }, error: unknown) => void) {
      seenSettings.push(language);
      if (options.failingRule) onRuleFailure?.({ code: 'CBL999', name: 'broken-rule' }, new Error('boom'));
      const diagnostic: Diagnostic = {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
        message: (model as CableFile & { text: string }).text,
      };
      return { diagnostics: [diagnostic], capped: options.capped ?? false };
    },
  };
  const failures: string[] = [];
  const validator = new DocumentValidator({
    documents,
    models,
    saved,
    settings,
    service,
    notify: (m) => void notices.push(m),
    logRuleFailure: (uri, rule, error) => void failures.push(`${uri} ${rule.code} ${(error as Error).message}`),
  });
  const open = (text: string) => {
    const document = TextDocument.create(URI, 'cable', 1, text);
    documents.set(URI, document);
    saved.record(document);
    return document;
  };
  const edit = (document: TextDocument, text: string) => TextDocument.update(document, [{ text }], document.version + 1);
  return { documents, validator, notices, seenSettings, saved, open, edit, failures };
}

describe('DocumentValidator', () => {
  it('logs a rule that threw with the document it was checking', async () => {
    const { validator, open, failures } = setup({}, { failingRule: true });
    open('text');
    await validator.validate(URI);
    assert.deepEqual(failures, [`${URI} CBL999 boom`]);
  });

  it('validates the current version while typing', async () => {
    const { validator, open, edit, seenSettings } = setup({ rules: { CBL501: 'error' } });
    const document = open('saved text');
    edit(document, 'typed text');
    const result = await validator.validate(URI);
    assert.deepEqual(
      { version: result?.version, message: result?.diagnostics[0]?.message, followsTyping: result?.followsTyping },
      { version: 2, message: 'typed text', followsTyping: true },
    );
    assert.deepEqual(seenSettings[0]?.rules, { CBL501: 'error' });
    assert.equal(validator.isCurrent(URI, result!), true);
    edit(document, 'more');
    assert.equal(validator.isCurrent(URI, result!), false, 'a result for version 2 is stale at version 3');
  });

  it('validates the last opened or saved version in on-save mode', async () => {
    const { validator, open, edit, saved } = setup({ validate: { run: 'onSave' } });
    const document = open('saved text');
    edit(document, 'typed text');
    const beforeSave = await validator.validate(URI);
    assert.deepEqual({ version: beforeSave?.version, message: beforeSave?.diagnostics[0]?.message }, { version: 1, message: 'saved text' });
    assert.equal(validator.isCurrent(URI, beforeSave!), true, 'typing does not make the saved result stale');
    saved.record(document);
    const afterSave = await validator.validate(URI);
    assert.deepEqual({ version: afterSave?.version, message: afterSave?.diagnostics[0]?.message }, { version: 2, message: 'typed text' });
  });

  it('gives no diagnostics when validation is off, and nothing for a closed document', async () => {
    const { validator, open, documents } = setup({ validate: { enable: false } });
    open('text');
    assert.deepEqual((await validator.validate(URI))?.diagnostics, []);
    documents.delete(URI);
    assert.equal(await validator.validate(URI), undefined);
    assert.equal(validator.isCurrent(URI, { version: 1, followsTyping: false }), false);
  });

  it('tells about a capped list once per open document', async () => {
    const { validator, open, notices } = setup({ maxNumberOfProblems: 1 }, { capped: true });
    open('text');
    await validator.validate(URI);
    await validator.validate(URI);
    assert.equal(notices.length, 1);
    assert.match(notices[0]!, /09MEXICO283\.txt has more than 1 problems; only the first 1 are shown/);
    validator.forget(URI);
    await validator.validate(URI);
    assert.equal(notices.length, 2, 'reopened: told again');
  });
});
