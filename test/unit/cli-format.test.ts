/**
 * cable-lint's output formats on hand-made reports: the text lines (plain and coloured), JSON Lines, the SARIF
 * log, the rules' lines and the summary line, and the exit code. No process, no language service.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatJsonLine } from '../../server/src/cli/format/json';
import { artifactUri, buildSarifLog } from '../../server/src/cli/format/sarif';
import { formatRuleLines, formatSummary } from '../../server/src/cli/format/summary';
import { styleFor } from '../../server/src/cli/format/style';
import { formatCableLines, formatDiagnosticLine, formatTextReport } from '../../server/src/cli/format/text';
import { failedReport, type CableSummary, type FileReport, type ReportDiagnostic } from '../../server/src/cli/report';
import { addToTally, emptyTally, exitCodeOf, type RunTally } from '../../server/src/cli/tally';
import { toLintedFile } from '../../server/src/cli/lintFile';

const CABLE: CableSummary = {
  refId: '09MEXICO283',
  date: '2009-02-04T17:08:00Z',
  classification: 'CONFIDENTIAL',
  origin: 'Embassy Mexico',
  precedence: 'ROUTINE',
  tags: ['PGOV', 'MX'],
  subject: 'THE U.S.-MEXICAN RELATIONSHIP',
  references: [],
  referenceItems: [],
  classifiedBy: { name: 'CHARLES V. BARCLAY', title: 'POLCOUNS', text: 'POLCOUNS CHARLES V. BARCLAY' },
  reasons: ['1.4(b)'],
  declassifyOn: '2019-01-15',
  paragraphs: 12,
  sources: { refId: 'preamble' },
};

const diagnostic = (severity: ReportDiagnostic['severity'], code: string, line = 3): ReportDiagnostic => ({
  line,
  column: 5,
  endLine: line,
  endColumn: 9,
  severity,
  code,
  message: `${code} found\nhere`,
});

const REPORT: FileReport = {
  file: 'cables/09MEXICO283.txt',
  cables: [CABLE],
  diagnostics: [diagnostic('error', 'CBL001', 2), diagnostic('warning', 'CBL101'), diagnostic('info', 'CBL301', 4)],
  capped: false,
};

describe('text format', () => {
  it('writes a problem as file:line:col: severity CODE message, on one line', () => {
    assert.equal(formatDiagnosticLine('a.txt', diagnostic('warning', 'CBL101')), 'a.txt:3:5: warning CBL101 CBL101 found here');
  });

  it('lists the problems, one line each, and nothing else', () => {
    assert.equal(
      formatTextReport(REPORT, { quiet: false, summaryOnly: false }),
      [
        'cables/09MEXICO283.txt:2:5: error CBL001 CBL001 found here',
        'cables/09MEXICO283.txt:3:5: warning CBL101 CBL101 found here',
        'cables/09MEXICO283.txt:4:5: info CBL301 CBL301 found here',
        '',
      ].join('\n'),
    );
  });

  it('prints nothing for a file without problems', () => {
    assert.equal(formatTextReport({ ...REPORT, diagnostics: [] }, { quiet: false, summaryOnly: false }), '');
  });

  it('colours the severity and links the code to its rule page, only when asked', () => {
    const style = styleFor({ color: true, hyperlinks: true });
    const line = formatDiagnosticLine('a.txt', diagnostic('error', 'CBL504'), style);
    assert.equal(line.replace(/\x1b\[[\d;]*m|\x1b\]8;;[^\x1b]*\x1b\\/g, ''), 'a.txt:3:5: error CBL504 CBL504 found here');
    assert.ok(line.includes('\x1b[31m'), 'errors are red');
    assert.ok(
      line.includes('\x1b]8;;https://github.com/cable-tools/cable-language/blob/main/docs/rules/CBL504.md\x1b\\'),
      'the code links to its page',
    );
    assert.ok(
      !formatDiagnosticLine('a.txt', diagnostic('error', 'CBL504'), styleFor({ color: true, hyperlinks: false })).includes('\x1b]8;;'),
    );
    assert.ok(!/\x1b/.test(formatDiagnosticLine('a.txt', diagnostic('error', 'CBL504'), styleFor({ color: false, hyperlinks: false }))));
  });

  it('summarises every file, clean or not, with --summary-only', () => {
    assert.equal(
      formatTextReport({ ...REPORT, diagnostics: [] }, { quiet: false, summaryOnly: true }),
      [
        'cables/09MEXICO283.txt',
        '  09MEXICO283 | 2009-02-04T17:08:00Z | CONFIDENTIAL | Embassy Mexico | ROUTINE | 12 paragraphs',
        '  THE U.S.-MEXICAN RELATIONSHIP',
        '  no problems',
        '',
        '',
      ].join('\n'),
    );
  });

  it('says what is missing instead of leaving gaps', () => {
    const bare: CableSummary = {
      ...CABLE,
      refId: null,
      date: null,
      classification: null,
      origin: null,
      precedence: null,
      subject: null,
      paragraphs: 1,
    };
    assert.deepEqual(formatCableLines(bare), ['  no ref id | no date | no classification | no origin | 1 paragraph', '  (no subject)']);
    assert.match(formatTextReport({ ...REPORT, cables: [] }, { quiet: false, summaryOnly: true }), /\(no cable found\)/);
  });

  it('prints counts instead of problems with --summary-only', () => {
    const text = formatTextReport(REPORT, { quiet: false, summaryOnly: true });
    assert.ok(!text.includes(':3:5:'));
    assert.match(text, /^ {2}1 error, 1 warning, 1 info$/m);
  });

  it('prints only error lines with --quiet', () => {
    assert.equal(
      formatTextReport(REPORT, { quiet: true, summaryOnly: false }),
      'cables/09MEXICO283.txt:2:5: error CBL001 CBL001 found here\n',
    );
  });

  it('leaves failed files to stderr', () => {
    assert.equal(
      formatTextReport(failedReport('x.txt', { kind: 'unreadable', message: 'no such file' }), { quiet: false, summaryOnly: false }),
      '',
    );
  });
});

describe('json format', () => {
  it('writes one JSON object per file on one line', () => {
    const line = formatJsonLine(REPORT, false);
    assert.ok(line.endsWith('\n') && !line.slice(0, -1).includes('\n'));
    const parsed = JSON.parse(line);
    assert.deepEqual(Object.keys(parsed), ['file', 'cables', 'diagnostics']);
    assert.deepEqual(parsed.cables, [CABLE]);
    assert.deepEqual(parsed.diagnostics[1], {
      line: 3,
      column: 5,
      endLine: 3,
      endColumn: 9,
      severity: 'warning',
      code: 'CBL101',
      message: 'CBL101 found\nhere',
    });
  });

  it('keeps only errors with --quiet, and nothing for failed files', () => {
    assert.equal(JSON.parse(formatJsonLine(REPORT, true)).diagnostics.length, 1);
    assert.equal(formatJsonLine(failedReport('x.txt', { kind: 'too-large', message: 'big' }), false), '');
  });
});

describe('sarif format', () => {
  const rules = [
    { code: 'CBL001', name: 'binary-content', description: 'The file is binary.', defaultLevel: 'error' as const },
    { code: 'CBL101', name: 'missing-portion-marking', description: 'A paragraph has no marking.', defaultLevel: 'warning' as const },
  ];
  const log = buildSarifLog([REPORT, failedReport('gone.txt', { kind: 'unreadable', message: 'no such file' })], {
    toolVersion: '1.2.3',
    rules,
    cwd: '/work/main',
    quiet: false,
  }) as any;

  it('is one SARIF 2.1.0 run by cable-lint with the registry rules', () => {
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0/);
    assert.equal(log.runs.length, 1);
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.name, 'cable-lint');
    assert.equal(driver.version, '1.2.3');
    assert.deepEqual(driver.rules[1], {
      id: 'CBL101',
      name: 'missing-portion-marking',
      shortDescription: { text: 'A paragraph has no marking.' },
      helpUri: 'https://github.com/cable-tools/cable-language/blob/main/docs/rules/CBL101.md',
      defaultConfiguration: { level: 'warning', enabled: true },
    });
    assert.equal(log.runs[0].originalUriBaseIds['%SRCROOT%'].uri, 'file:///work/main/');
  });

  it('has one result per problem, with level, rule and a 1-based region', () => {
    const results = log.runs[0].results;
    assert.deepEqual(
      results.map((r: any) => [r.ruleId, r.ruleIndex, r.level]),
      [
        ['CBL001', 0, 'error'],
        ['CBL101', 1, 'warning'],
        ['CBL301', undefined, 'note'],
      ],
    );
    assert.deepEqual(results[1].locations[0].physicalLocation, {
      artifactLocation: { uri: 'cables/09MEXICO283.txt', uriBaseId: '%SRCROOT%' },
      region: { startLine: 3, startColumn: 5, endLine: 3, endColumn: 9 },
    });
  });

  it('reports failed inputs as tool notifications and an unsuccessful run', () => {
    const invocation = log.runs[0].invocations[0];
    assert.equal(invocation.executionSuccessful, false);
    assert.equal(invocation.toolExecutionNotifications[0].message.text, 'gone.txt: no such file');
  });

  it('makes artifact URIs relative to the working folder, escaped', () => {
    assert.equal(artifactUri('../shared/corpus/a b#1.txt', '/work/main'), '../shared/corpus/a%20b%231.txt');
    assert.equal(artifactUri('/work/main/x/y.txt', '/work/main'), 'x/y.txt');
    assert.equal(artifactUri('<stdin>', '/work/main'), '%3Cstdin%3E');
  });
});

describe('summary and exit code', () => {
  // Counted as the run counts them: from the linted file a worker sends back.
  const count = (tally: RunTally, report: FileReport) =>
    addToTally(tally, toLintedFile(report, { format: 'json', quiet: false, summaryOnly: false }));
  const tally = emptyTally();
  count(tally, REPORT);
  count(tally, { ...REPORT, diagnostics: [diagnostic('warning', 'CBL101'), diagnostic('warning', 'CBL101')] });

  it('ends with one line per rule, the most frequent first, with its page', () => {
    const rules = [{ code: 'CBL101', name: 'missing-portion-marking', description: '', defaultLevel: 'warning' as const }];
    const page = (code: string) => `https://github.com/cable-tools/cable-language/blob/main/docs/rules/${code}.md`;
    assert.equal(
      formatRuleLines(tally, rules, { quiet: false }),
      [
        '',
        `CBL101 missing-portion-marking  3 warnings  ${page('CBL101')}`,
        `CBL001                          1 error     ${page('CBL001')}`,
        `CBL301                          1 info      ${page('CBL301')}`,
        '',
      ].join('\n'),
    );
    assert.equal(formatRuleLines(tally, rules, { quiet: true }), `\nCBL001  1 error  ${page('CBL001')}\n`);
    assert.equal(formatRuleLines(emptyTally(), rules, { quiet: false }), '');
  });

  it('then one summary line: files, cables, time, problems and the files they are in', () => {
    assert.equal(
      formatSummary(tally, 2000),
      'Checked 2 files (2 cables) in 2.00 s, 1 cables/s: 5 problems (1 error, 3 warnings, 1 info) in 2 files\n',
    );
    assert.equal(formatSummary(emptyTally(), 10), 'Checked 0 files (0 cables) in 0.01 s: no problems\n');
  });

  it('says what --fix fixed, would fix, or could fix', () => {
    const fixable = emptyTally();
    addToTally(fixable, { cables: 1, problems: [{ code: 'CBL505', severity: 'warning', count: 2 }], fixable: 1 });
    assert.match(formatSummary(fixable, 10), /: 2 problems \(2 warnings\) in 1 file; 1 can be fixed with --fix\n$/);
    const fixed = emptyTally();
    addToTally(fixed, { cables: 1, problems: [], fixed: 3 });
    addToTally(fixed, { cables: 1, problems: [{ code: 'CBL409', severity: 'warning', count: 1 }], fixed: 1 });
    assert.match(formatSummary(fixed, 10, { fix: 'write' }), /: fixed 4 problems in 2 files; 1 problem left \(1 warning\) in 1 file\n$/);
    assert.match(
      formatSummary(fixed, 10, { fix: 'dry-run' }),
      /: --fix would fix 4 problems in 2 files \(nothing written\); 1 problem would be left/,
    );
    assert.match(formatSummary(emptyTally(), 10, { fix: 'write' }), /: nothing to fix; no problems\n$/);
  });

  it('exits 1 on errors, 1 over --max-warnings, 2 when an input failed', () => {
    const warningsOnly = emptyTally();
    count(warningsOnly, { ...REPORT, diagnostics: [diagnostic('warning', 'CBL101'), diagnostic('info', 'CBL301')] });
    assert.equal(exitCodeOf(warningsOnly, undefined), 0);
    assert.equal(exitCodeOf(warningsOnly, 1), 0);
    assert.equal(exitCodeOf(warningsOnly, 0), 1);
    assert.equal(exitCodeOf(tally, undefined), 1);
    count(tally, failedReport('gone.txt', { kind: 'unreadable', message: 'no such file' }));
    assert.equal(exitCodeOf(tally, undefined), 2);
    assert.match(formatSummary(tally, 10), /; 1 file could not be linted/);
  });
});
