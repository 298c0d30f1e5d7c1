/**
 * Bundles a module of this folder to one CommonJS file for VS Code's extension host, which loads
 * JavaScript only; `vscode` stays external (the host provides it).
 */
import { build } from 'esbuild';

export async function bundleForExtensionHost(entry: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode'],
    logLevel: 'warning',
  });
}
