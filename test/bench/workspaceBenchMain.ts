/**
 * The workspace-index figures alone, without the rest of `npm run bench` (build the server first):
 *   npx esbuild test/bench/workspaceBenchMain.ts --bundle --platform=node --format=cjs --sourcemap --outfile=dist/bench/workspace.js
 *   CABLE_BENCH_WORKSPACE_FILES=3000 node --enable-source-maps dist/bench/workspace.js
 * The bundle must sit in dist/bench, as deep as test/bench, for its paths to ../shared and dist/ to hold.
 */
import { runWorkspaceBench } from './workspaceBench';

runWorkspaceBench().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
