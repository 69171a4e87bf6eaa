// A small --flag value parser for the project's scripts, refusing unknown flags and bad values.
type Spec = { type: 'int' | 'string' | 'float' | 'flag'; default?: number | string; min?: number; choices?: readonly string[] };

export function parseArgs(argv: string[], specs: Record<string, Spec>): Record<string, number | string | boolean | undefined> {
  const out: Record<string, number | string | boolean | undefined> = {};
  for (const [k, s] of Object.entries(specs)) out[k] = s.default;
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]!);
    const name = m?.[1];
    if (!m || !name || !(name in specs))
      fail(
        `unknown argument ${argv[i]} (known: ${Object.keys(specs)
          .map((k) => '--' + k)
          .join(' ')})`,
      );
    const s = specs[name]!; // name in specs
    if (s.type === 'flag') {
      if (m[2] !== undefined) fail(`--${name} takes no value`);
      out[name] = true;
      continue;
    }
    const raw = m[2] ?? argv[++i];
    if (raw === undefined) fail(`--${name} needs a value`);
    if (s.type === 'string') {
      if (s.choices && !s.choices.includes(raw)) fail(`--${name} must be one of ${s.choices.join(', ')}`);
      out[name] = raw;
    } else {
      const v = s.type === 'int' ? Number(raw) : parseFloat(raw);
      if (!Number.isFinite(v) || (s.type === 'int' && !Number.isInteger(v))) fail(`--${name} must be a number, got ${raw}`);
      if (s.min !== undefined && v < s.min) fail(`--${name} must be at least ${s.min}`);
      out[name] = v;
    }
  }
  return out;
}

function fail(msg: string): never {
  console.error(msg);
  process.exit(2);
}
