'use strict';
// What every JavaScript walker shares: the random stream, the pick, the path hash, the
// command line and the JSON line. The definitions are the ones in README.md, the same as
// `attune bench --random-walks` in C++.

const fs = require('fs');
const path = require('path');

/** A mulberry32 stream: each call returns the next uint32. */
function mulberry32(seed) {
  let a = seed | 0;
  return function next() {
    a = (a + 0x6D2B79F5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** floor(r * count / 2^32): exact in doubles, since r * count < 2^53 for any count below 2^21. */
function pick(r, count) {
  return Math.floor((r * count) / 4294967296);
}

const FNV_OFFSET = 2166136261;
const FNV_PRIME = 16777619;

/** 32-bit FNV-1a over the UTF-8 bytes of `text` and then one "\n", continued from `h`. */
function hashLine(h, text) {
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      h = Math.imul(h ^ c, FNV_PRIME);
      continue;
    }
    // Not ASCII: encode this code point as UTF-8 by hand.
    if (c >= 0xD800 && c < 0xDC00 && i + 1 < text.length) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xDC00 && lo < 0xE000) {
        c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
        i++;
      }
    }
    const bytes = c < 0x800 ? [0xC0 | (c >> 6), 0x80 | (c & 63)]
      : c < 0x10000 ? [0xE0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)]
        : [0xF0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)];
    for (const b of bytes) h = Math.imul(h ^ b, FNV_PRIME);
  }
  return Math.imul(h ^ 10, FNV_PRIME) >>> 0;
}

/** Milliseconds on a monotonic clock. */
function nowMs() {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** `--random-walks K --seed S --step-cap C [flags] FILE`; `flags` names extra boolean options. */
function parseArgs(argv, usage, flags = []) {
  const a = { walks: 0, seed: 1, stepCap: 200, file: null };
  for (const f of flags) a[f] = false;
  const num = (v, name) => {
    if (v === undefined || !/^\d+$/.test(v)) fail(`${name} needs a non-negative integer`, usage);
    return Number(v);
  };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i];
    if (x === '--random-walks') a.walks = num(argv[++i], x);
    else if (x === '--seed') a.seed = num(argv[++i], x);
    else if (x === '--step-cap') a.stepCap = num(argv[++i], x);
    else if (x.startsWith('--') && flags.includes(x.slice(2))) a[x.slice(2)] = true;
    else if (x.startsWith('--')) fail(`unknown option ${x}`, usage);
    else if (a.file === null) a.file = x;
    else fail('one FILE only', usage);
  }
  if (a.walks < 1 || a.file === null) fail('needs --random-walks K (K >= 1) and FILE', usage);
  if (a.seed > 0xFFFFFFFF) fail('--seed is a 32-bit number', usage);
  return a;
}

function fail(why, usage) {
  process.stderr.write(`${path.basename(process.argv[1])}: ${why}\nusage: ${usage}\n`);
  process.exit(2);
}

/** A package's version, read from its package.json (inkjs's `exports` hides that file from require). */
function packageVersion(name) {
  let dir = path.dirname(require.resolve(name));
  for (;;) {
    const p = path.join(dir, 'package.json');
    if (fs.existsSync(p)) {
      const pkg = JSON.parse(fs.readFileSync(p, 'utf8'));
      if (pkg.name === name) return pkg.version;
    }
    const up = path.dirname(dir);
    if (up === dir) return 'unknown';
    dir = up;
  }
}

/** Prints the one JSON line, with the keys in the order Attune prints them. */
function report(f) {
  const stepsPerS = f.walkMs > 0 ? f.steps / (f.walkMs / 1000) : 0;
  const line = {
    engine: f.engine,
    file: f.file,
    walks: f.walks,
    seed: f.seed,
    step_cap: f.stepCap,
    parse_ms: f.parseMs,
    validate_ms: f.validateMs,
    load_ms: f.loadMs,
    walk_ms: f.walkMs,
    steps: f.steps,
    steps_per_s: stepsPerS,
    path_hash: f.pathHash,
    rss_mb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(JSON.stringify(line) + '\n');
}

module.exports = { mulberry32, pick, hashLine, FNV_OFFSET, nowMs, parseArgs, packageVersion, report };
