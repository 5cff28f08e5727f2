/** The shell blocks of a Markdown document and the answers they document. */
export interface ShellBlock {
  /** The heading the block is under. */
  section: string;
  /** 1-based line of the opening fence. */
  line: number;
  code: string;
  /** Statuses documented in comments (`# → 422 ...`), in order. */
  documented: number[];
}

/** Every ```sh block of the document that calls the server (curl) or the command (tessera). */
export function shellBlocks(markdown: string): ShellBlock[] {
  const lines = markdown.split('\n');
  const blocks: ShellBlock[] = [];
  let section = '';
  for (let i = 0; i < lines.length; i++) {
    const heading = /^#{1,6} (.*)/.exec(lines[i]!);
    if (heading) section = heading[1]!;
    if (lines[i] !== '```sh') continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i] !== '```'; i++) body.push(lines[i]!);
    const code = body.join('\n');
    if (!/\bcurl |\bfid |npx tessera /.test(code)) continue;
    const documented = [...code.matchAll(/#\s*→\s*(\d{3})\b/g)].map((m) => Number(m[1]));
    blocks.push({ section, line: start + 1, code, documented });
  }
  return blocks;
}

export interface Call {
  status: number;
  method: string;
  url: string;
}

/** Parses the lines the curl wrapper writes (`STATUS 201 POST http://...`). */
export function parseCalls(stderr: string): Call[] {
  return [...stderr.matchAll(/^STATUS (\d{3}) (\S+) (\S+)$/gm)].map((m) => ({
    status: Number(m[1]),
    method: m[2]!,
    url: m[3]!,
  }));
}

/**
 * What is wrong with a block's answers: a call that failed although the block documents no failure for
 * it, a documented status that never came, a server error, no call at all.
 */
export function mismatches(block: ShellBlock, calls: Call[]): string[] {
  const problems: string[] = [];
  if (calls.length === 0) problems.push('no request was made');
  let next = 0;
  for (const call of calls) {
    const expected = block.documented[next];
    if (expected !== undefined && call.status === expected) {
      next++;
      continue;
    }
    if (call.status >= 400 || call.status < 200)
      problems.push(`${call.method} ${call.url} answered ${call.status}, not documented`);
  }
  if (next < block.documented.length)
    problems.push(
      `documented status ${block.documented[next]} never came (calls: ${calls.map((c) => c.status).join(' ')})`,
    );
  return problems;
}
