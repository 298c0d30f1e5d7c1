/**
 * Test runner module for @vscode/test-electron (`extensionTestsPath`): VS Code calls `run()` inside
 * its extension host. No mocha here: each check runs in order with node's assert, a line per
 * check is printed, and `run()` rejects when any failed, which makes VS Code exit non-zero.
 */
import { checks } from './checks';

/** `log` receives one line per check; VS Code's runner calls `run()` without it, so lines go to the console. */
export async function run(log: (line: string) => void = (line) => console.log(line)): Promise<void> {
  const failures: string[] = [];
  for (const check of checks) {
    const started = Date.now();
    try {
      await check.run();
      log(`ok - ${check.name} (${Date.now() - started} ms)`);
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      log(`not ok - ${check.name}\n  ${message.replace(/\n/g, '\n  ')}`);
      failures.push(check.name);
    }
  }
  log(`${checks.length - failures.length} passed, ${failures.length} failed`);
  if (failures.length > 0) throw new Error(`${failures.length} of ${checks.length} checks failed: ${failures.join('; ')}`);
}
