import { execFileSync } from 'node:child_process';

/** Integration suites run the command-line entry as a real process, so `dist/` must match `src/`. */
export default function setup(): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
    stdio: 'inherit',
  });
}
