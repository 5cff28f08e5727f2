import readline from 'node:readline';

/** Asks one question on the terminal; with `secret`, what is typed is not echoed. */
export async function ask(
  question: string,
  options: { secret?: boolean; fallback?: string } = {},
): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const shown = options.fallback ? `${question} [${options.fallback}]: ` : `${question}: `;
  if (options.secret) {
    const internal = rl as unknown as { _writeToOutput(text: string): void };
    let prompted = false;
    internal._writeToOutput = (text: string) => {
      if (!prompted) {
        process.stdout.write(text);
        prompted = true;
      } else if (text.includes('\n')) process.stdout.write('\n');
    };
  }
  try {
    const answer = await new Promise<string>((resolve) => rl.question(shown, resolve));
    return answer.trim() === '' ? (options.fallback ?? '') : answer.trim();
  } finally {
    rl.close();
  }
}

export const interactive = (): boolean => Boolean(process.stdin.isTTY && process.stdout.isTTY);
