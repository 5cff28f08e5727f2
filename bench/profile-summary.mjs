// Summarises a V8 .cpuprofile (from `npm run bench -- --cpu-prof`): self time by function and by package.
// Usage: node bench/profile-summary.mjs <file.cpuprofile> [--top N]
import fs from 'node:fs';

const [file, ...rest] = process.argv.slice(2);
if (!file || file === '--help') {
  process.stdout.write('Usage: node bench/profile-summary.mjs <file.cpuprofile> [--top N]\n');
  process.exit(file ? 0 : 2);
}
const top = Number(rest[rest.indexOf('--top') + 1]) || 30;
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfSamples = new Map();
for (const id of profile.samples) selfSamples.set(id, (selfSamples.get(id) ?? 0) + 1);
const total = profile.samples.length;

/** Where a frame's code lives: a package under node_modules, our dist/ file, node internals, or the VM. */
function area(url) {
  if (!url) return '(vm)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  const ours = /\/dist\/(.+)$/.exec(url);
  if (ours) return 'tessera:' + ours[1].split('/').slice(0, 2).join('/');
  return url;
}

const byFunction = new Map();
const byArea = new Map();
for (const [id, count] of selfSamples) {
  const { callFrame } = byId.get(id);
  const name = `${callFrame.functionName || '(anonymous)'}  ${area(callFrame.url)}:${callFrame.lineNumber + 1}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + count);
  const a = callFrame.url ? area(callFrame.url) : callFrame.functionName || '(vm)';
  byArea.set(a, (byArea.get(a) ?? 0) + count);
}

// Inclusive time: a sample counts once for every distinct function on its stack.
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const inclusive = new Map();
for (const [id, count] of selfSamples) {
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const { callFrame } = byId.get(at);
    if (!callFrame.url) continue;
    const name = `${callFrame.functionName || '(anonymous)'}  ${area(callFrame.url)}:${callFrame.lineNumber + 1}`;
    if (seen.has(name)) continue;
    seen.add(name);
    inclusive.set(name, (inclusive.get(name) ?? 0) + count);
  }
}

const pct = (n) => ((100 * n) / total).toFixed(1).padStart(5) + ' %';
const print = (title, map) => {
  process.stdout.write(`\n${title}\n`);
  for (const [name, count] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    process.stdout.write(`${pct(count)}  ${name}\n`);
  }
};
process.stdout.write(`${file}: ${total} samples\n`);
print('Self time by area', byArea);
print('Self time by function', byFunction);
print('Inclusive time by function', inclusive);
