import { EXIT } from '../errors.js';

export type CompletionShell = 'bash' | 'zsh' | 'fish';

/**
 * `coach completion SHELL`: the completion script, from @pnpm/tabtab (the library pnpm's own
 * completion uses). On each Tab the script runs `coach completion-server -- WORDS`, which
 * completion/serve.ts answers.
 */
export async function runCompletionScript(shell: CompletionShell): Promise<number> {
  const tabtab = (await import('@pnpm/tabtab')).default;
  const script = await tabtab.getCompletionScript({ name: 'coach', completer: 'coach', shell });
  process.stdout.write(script.endsWith('\n') ? script : `${script}\n`);
  return EXIT.ok;
}
