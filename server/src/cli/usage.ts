/** The `--help` text and the version, kept apart from the logic so both read as documentation. */
import { version } from '../../../package.json';
import { RULE_DOCS_BASE_URL } from '../language/rules/ruleDocs';

export const CLI_NAME = 'cable-lint';
export const CLI_VERSION: string = version;

export const USAGE = `Usage: ${CLI_NAME} [options] PATH...

Checks US diplomatic cables (State Department telegrams) and prints what it finds.

PATH is a file (always checked, whatever its extension), a folder (searched recursively
for .cable files and for .txt files whose first lines look like a cable), or - for
standard input.

Options:
  -f, --format FORMAT     text (default): one line per problem, only for files with problems,
                          file:line:col: severity CODE message, then each rule's count and
                          the address of its page, then one summary line
                          json: JSON Lines, one object per file (cables and diagnostics)
                          sarif: one SARIF 2.1.0 log
      --summary-only      text format: every file's cables and counts, without problem lines
      --fix               apply the safe fixes in place, those the cable's own text proves:
                          a paragraph number between two that say what it must be, TAGS
                          run together, a TAG one letter from a single known tag; never a
                          marking or a classification. The rest of each file is kept byte
                          for byte, a file without a safe fix is not touched, and the
                          problems left are printed
      --fix-dry-run       print the safe fixes as a unified diff (patch -p0 applies it) and
                          write nothing; the summary goes to standard error
      --color, --no-color colour the text output (default: on a terminal, unless NO_COLOR is
                          set; FORCE_COLOR forces it); JSON and SARIF are never coloured
      --rule CODE=LEVEL   set a rule's level by code or name (repeatable);
                          levels: off, hint, info, warning, error
      --max-warnings N    exit 1 when more than N warnings remain
  -q, --quiet             report errors only
      --glob PATTERN      choose the files inside folders (repeatable); * and ? stay within
                          a path segment, ** spans segments; a pattern without / matches
                          file names at any depth, e.g. --glob '*.txt'
  -j, --jobs N            worker threads (default: one per core; 1 = no workers)
      --no-progress       never show the progress bar
  -h, --help              show this help
  -V, --version           show the version

Exit codes: 0 no problems, 1 errors (or too many warnings), 2 bad usage or an input
that could not be read. With --fix and --fix-dry-run, they count the problems left.

Each rule's page: ${RULE_DOCS_BASE_URL}CODE.md

Examples:
  ${CLI_NAME} cables/
  ${CLI_NAME} --format json 09MEXICO283.txt
  ${CLI_NAME} --rule unknown-tag=off --rule CBL501=error --max-warnings 0 cables/
  ${CLI_NAME} --fix-dry-run cables/ > fixes.diff
  cat 09MEXICO283.txt | ${CLI_NAME} -
`;
