// Packages the built extension into cable-language-<version>.vsix at the project root with vsce, then
// checks what went in: the bundles (desktop and browser), grammar, language configuration, snippets, manifest, README
// and licence; no node_modules (the bundles carry their dependencies), no source maps, nothing else.
// Run after `node scripts/build.mjs --production` (that is `npm run package`). Needs no network and
// no stdin: vsce only asks questions when the manifest lacks something, and then fails here instead.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const vsixPath = join(root, `${manifest.name}-${manifest.version}.vsix`);
const DICTIONARY_DIR = 'server/src/language/dicts/data';

/** Files the package must hold, as project paths. */
const REQUIRED = [
  'dist/client.js',
  'dist/server.js',
  'dist/cli.js',
  'dist/lintWorker.js',
  'dist/indexWorker.js',
  // vscode.dev and github.dev: the manifest's `browser` client and the server it starts in a Web Worker.
  'dist/browser/client.js',
  'dist/browser/server.js',
  'syntaxes/cable.tmLanguage.json',
  'language-configuration.json',
  'snippets/cable.json',
  // The Cable Preview's own stylesheet and script (the webview loads nothing else).
  'media/preview.css',
  'media/preview.js',
  'schemas/cable-lint.schema.json',
  'package.json',
  'README.md',
  'LICENSE',
  'images/icon.png',
  // The dictionaries are bundled into the server; the data files ship too (every one of them, as
  // .vscodeignore lets in), with where each entry comes from.
  `${DICTIONARY_DIR}/PROVENANCE.md`,
  ...readdirSync(join(root, DICTIONARY_DIR))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => `${DICTIONARY_DIR}/${name}`),
];
/** vsce renames these inside the .vsix. */
const RENAMED = { LICENSE: 'LICENSE.txt', 'README.md': 'readme.md' };
/** Where a project file lands inside the .vsix. */
const inVsix = (path) => `extension/${RENAMED[path] ?? path}`;
/** Written by vsce itself. */
const VSIX_METADATA = ['[Content_Types].xml', 'extension.vsixmanifest'];
/** Besides the required files, only more grammar or snippet files may ship. */
const ALSO_ALLOWED = /^extension\/(?:syntaxes|snippets)\/[^/]+\.json$/;

function fail(message) {
  console.error(`package: ${message}`);
  process.exit(1);
}

const missingInputs = REQUIRED.filter((path) => !existsSync(join(root, path)));
if (missingInputs.length > 0) {
  const hint = missingInputs.some((path) => path.startsWith('dist/')) ? ' (run node scripts/build.mjs --production first)' : '';
  fail(`missing before packaging: ${missingInputs.join(', ')}${hint}`);
}
if (!manifest.repository) fail('package.json has no "repository"; vsce would ask about it.');

rmSync(vsixPath, { force: true });
const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
// --no-dependencies: the bundles include what they need, node_modules must not ship.
// --no-gitHubIssueLinking: cable text such as `#0283/01` in the README is not an issue reference.
// Output is piped, so vsce never prompts: it answers its own questions "yes" when not on a terminal.
// Each question comes with a WARNING, which is therefore treated as a failure.
const run = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--no-gitHubIssueLinking', '--out', vsixPath], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'pipe'],
  encoding: 'utf8',
});
process.stdout.write(run.stdout ?? '');
process.stderr.write(run.stderr ?? '');
if (run.status !== 0 || !existsSync(vsixPath)) fail(`vsce package failed (exit ${run.status ?? run.signal})`);
if (/\bWARNING\b/.test(`${run.stdout}${run.stderr}`)) {
  rmSync(vsixPath, { force: true });
  fail('vsce warned (see above); fix the manifest or the files rather than shipping around it.');
}

const entries = listZipEntries(readFileSync(vsixPath));
const names = new Set(entries.map((entry) => entry.name));
const required = REQUIRED.map(inVsix);
const forbidden = (name) => /(^|\/)node_modules\//.test(name) || name.endsWith('.map');
const expected = (name) => VSIX_METADATA.includes(name) || required.includes(name) || ALSO_ALLOWED.test(name);
const problems = [
  ...required.filter((name) => !names.has(name)).map((name) => `missing ${name}`),
  ...[...names].filter(forbidden).map((name) => `must not ship ${name}`),
  ...[...names]
    .filter((name) => !forbidden(name) && !expected(name))
    .map((name) => `unexpected file ${name} (exclude it in .vscodeignore, or allow it here)`),
];

console.log(`\n${relative(root, vsixPath)}: ${(statSync(vsixPath).size / 1024).toFixed(1)} KB, ${entries.length} files`);
for (const entry of entries) console.log(`  ${(entry.size / 1024).toFixed(1).padStart(8)} KB  ${entry.name}`);
if (problems.length > 0) fail(`the package is wrong:\n  ${problems.join('\n  ')}`);

/**
 * Names and uncompressed sizes from a zip's central directory (a .vsix is a zip). Reads only the
 * end-of-central-directory record and the directory itself; a .vsix never needs ZIP64.
 */
function listZipEntries(zip) {
  const END_SIGNATURE = 0x06054b50;
  const ENTRY_SIGNATURE = 0x02014b50;
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== END_SIGNATURE) end--;
  if (end < 0) fail(`${vsixPath} is not a zip file`);
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const result = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(offset) !== ENTRY_SIGNATURE) fail(`${vsixPath} has a damaged central directory`);
    const size = zip.readUInt32LE(offset + 24);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    result.push({ name: zip.toString('utf8', offset + 46, offset + 46 + nameLength), size });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return result;
}
