/**
 * Where each rule's page is: `docs/rules/CBL501.md` in the repository, as an https URL that editors show as the
 * diagnostic's link (`codeDescription.href`), cable-lint prints and SARIF carries (`helpUri`). The one home of
 * that address; a test holds it to the manifest's `repository`.
 */

/** The repository's `docs/rules/` folder on its default branch, ending with a slash. */
export const RULE_DOCS_BASE_URL = 'https://github.com/cable-tools/cable-language/blob/main/docs/rules/';

/** `https://github.com/cable-tools/cable-language/blob/main/docs/rules/CBL501.md` for `CBL501`. */
export function ruleDocsUrl(code: string): string {
  return `${RULE_DOCS_BASE_URL}${code}.md`;
}

/** The page's path in the repository, `docs/rules/CBL501.md`. */
export function ruleDocsPath(code: string): string {
  return `docs/rules/${code}.md`;
}
