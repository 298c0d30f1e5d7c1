/** `cable/preview` over the wire: the built server answers with the preview document, follows edits, and answers null for a file it does not have. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PREVIEW_REQUEST, type PreviewDocument } from '../../shared/previewProtocol';
import { SAMPLE_TEXT, SAMPLE_URI, editDocument, loggedErrors, openDocument, startSession, type Session } from './session';

describe('the preview request (built server over stdio)', () => {
  let session: Session;

  before(async () => {
    session = await startSession();
    openDocument(session.client, SAMPLE_URI, SAMPLE_TEXT);
  });
  after(() => session.client.kill());

  const ask = (uri: string) => session.client.request(PREVIEW_REQUEST, { textDocument: { uri } }) as Promise<PreviewDocument | null>;

  it('answers with the header card and the reflowed body of the reference cable', async () => {
    const preview = await ask(SAMPLE_URI);
    assert.ok(preview);
    assert.equal(preview.uri, SAMPLE_URI);
    assert.equal(preview.version, 1);
    const [cable] = preview.cables;
    assert.equal(cable.header.refId, '09MEXICO283');
    assert.equal(cable.header.classification?.level, 'C');
    assert.match(cable.header.subject ?? '', /^THE U\.S\.-MEXICAN RELATIONSHIP/);
    assert.match(cable.header.tags.find((t) => t.code === 'PGOV')?.meaning ?? '', /Internal Governmental Affairs/);
    const first = cable.blocks.find((b) => b.kind === 'paragraph');
    assert.ok(first && first.kind === 'paragraph');
    assert.equal(first.number, '¶1.');
    assert.match(first.pieces[0].runs.map((r) => r.text).join(''), /responsible for 60-80 percent of the cocaine/);
  });

  it('follows an edit: the next answer is of the new version', async () => {
    editDocument(session.client, SAMPLE_URI, SAMPLE_TEXT, 2, 'SUBJECT: THE U.S.-MEXICAN RELATIONSHIP', 'SUBJECT: THE EDITED RELATIONSHIP');
    const preview = await ask(SAMPLE_URI);
    assert.equal(preview?.version, 2);
    assert.match(preview?.cables[0].header.subject ?? '', /^THE EDITED RELATIONSHIP/);
  });

  it('answers null for a document the server does not have, and logs no error', async () => {
    assert.equal(await ask('file:///tmp/preview/never-opened.cable'), null);
    assert.deepEqual(loggedErrors(session.client), []);
  });
});
