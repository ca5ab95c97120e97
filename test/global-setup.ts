import { execFileSync } from 'node:child_process';

/** Integration suites run the command-line entry and the bench as real processes, so their builds must be fresh. */
export default function setup(): void {
  for (const project of ['tsconfig.build.json', 'tsconfig.bench.json']) {
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project], { stdio: 'inherit' });
  }
}
