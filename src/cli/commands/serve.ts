import type { Command } from 'commander';
import { loadConfig } from '../../config';
// The one place the CLI reaches into server/: `serve` *is* the server's entry point, run from the
// CLI. Every other command works on domain/ and db/ only (docs/decisions/0002-cli-serve.md).
// eslint-disable-next-line no-restricted-imports
import { installGracefulShutdown, startServer } from '../../server/main';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Run the platform (as npm start does, without building the web app)')
    .action(async () => {
      const { app, handle } = await startServer(loadConfig());
      installGracefulShutdown(app, handle);
    });
}
