/** What the status bar, the Cables view and Check All say: the client's pure wording and labels. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cableDescription, cableLabel, cableTooltip, shorten } from '../../client/src/cableLabels';
import { checkAllMessage, statusBarText, statusBarTooltip, viewMessage } from '../../client/src/indexWording';

const SUBJECT = 'THE U.S.-MEXICAN RELATIONSHIP: MEETING CHALLENGES, TAPPING OPPORTUNITIES IN 2009--SECURITY AND REFORM';

describe('the index in words', () => {
  it('counts while scanning, when ready, and at a limit, with thousands separators', () => {
    assert.equal(
      statusBarText({ state: 'scanning', files: 12_000, cables: 12_100, total: 251_287, skipped: 0 }),
      '$(sync~spin) Cables: 12,000 of 251,287',
    );
    assert.equal(statusBarText({ state: 'ready', files: 251_287, cables: 254_428, skipped: 0 }), 'Cables: 254,428 indexed');
    const limited = {
      state: 'limited' as const,
      files: 20_000,
      cables: 20_000,
      skipped: 231_287,
      limit: { setting: 'cable.index.maxFiles', value: 20_000 },
    };
    assert.equal(statusBarText(limited), '$(warning) Cables: 20,000 indexed (limit)');
    assert.match(statusBarTooltip(limited), /The limit cable\.index\.maxFiles \(20,000\) was reached: 231,287 files left out\./);
    assert.equal(
      viewMessage({ state: 'scanning', files: 12_000, cables: 12_000, total: 251_287, skipped: 0 }),
      'Indexing: 12,000 of 251,287 files…',
    );
    assert.equal(viewMessage({ state: 'ready', files: 1, cables: 1, skipped: 0 }), undefined);
  });

  it('says what Check All found, and how far it got when cancelled', () => {
    assert.equal(
      checkAllMessage({ files: 5_992, problems: 331, filesWithProblems: 120, cancelled: false }),
      'Checked 5,992 cables: 331 problems in 120 files.',
    );
    assert.equal(checkAllMessage({ files: 1, problems: 0, filesWithProblems: 0, cancelled: false }), 'Checked 1 cable: no problems.');
    assert.equal(
      checkAllMessage({ files: 40, problems: 1, filesWithProblems: 1, cancelled: true }),
      'Check of all cables cancelled after 40 files: 1 problem in 1 file so far.',
    );
  });
});

describe('a cable in the Cables view', () => {
  const node = {
    kind: 'cable' as const,
    uri: 'file:///w/2009/09MEXICO283.txt',
    refId: '09MEXICO283',
    subject: SUBJECT,
    date: '2009-02-04',
    classification: 'CONFIDENTIAL',
    line: 0,
  };

  it('reads as ref id and shortened subject, with date and classification beside it', () => {
    assert.equal(cableLabel(node), '09MEXICO283 — THE U.S.-MEXICAN RELATIONSHIP: MEETING CHALLENGES, TAPPING OPPORTUNITIES IN…');
    assert.equal(cableDescription(node), '2009-02-04 · CONFIDENTIAL');
    assert.equal(
      cableTooltip(node, '2009/09MEXICO283.txt'),
      `09MEXICO283\n${SUBJECT}\n2009-02-04 · CONFIDENTIAL\n2009/09MEXICO283.txt, line 1`,
    );
  });

  it('falls back to the file name, and cuts long words where it must', () => {
    assert.equal(cableLabel({ kind: 'cable', uri: 'file:///w/notes%20on%20a%20cable.txt', line: 3 }), 'notes on a cable.txt');
    assert.equal(shorten('X'.repeat(100), 10), 'XXXXXXXXX…');
  });
});
