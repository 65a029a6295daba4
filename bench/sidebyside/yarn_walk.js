'use strict';
// node yarn_walk.js --random-walks K --seed S --step-cap C [--parse-all] [--trace] FILE.yarn
//
// The side-by-side walk (README.md) on yarn-bound (a wrapper over the bondage.js fork that
// follows the Yarn 2 syntax). Prints one JSON line; --trace prints every line entered on
// stderr, to find where two engines part.
//
// Loading: `new YarnBound({ dialogue })` splits the text into nodes and starts the
// dialogue at the node `Start`, which sets the four meters to 0 and jumps to n0 without
// printing anything. bondage parses a node's body only when the dialogue enters it (and
// again on every later entry: nothing is cached), so most of yarn's parsing is inside
// walk_ms. With --parse-all, every node's body is also parsed once after loading (through
// the runner's own getParserNodes, not part of yarn-bound's documented API), the way a
// validator must to find an error in any node; that time is validate_ms and is counted
// in load_ms. Without it validate_ms is null.
//
// Each walk restarts with `jump('Start')` on the same loaded dialogue: no re-parse of the
// file. yarn-bound keeps every result it has shown in `history`; that list is emptied at
// each restart (as inkjs's ResetState drops its state), or it would hold every line of
// every walk.
const fs = require('fs');
const YarnBound = require('yarn-bound');
const { mulberry32, pick, hashLine, FNV_OFFSET, nowMs, parseArgs, packageVersion, report } = require('./common');

const USAGE = 'node yarn_walk.js --random-walks K --seed S --step-cap C [--parse-all] [--trace] FILE.yarn';
const args = parseArgs(process.argv.slice(2), USAGE, ['parse-all', 'trace']);
const dialogue = fs.readFileSync(args.file, 'utf8'); // read before the clock starts

const t0 = nowMs();
const runner = new YarnBound({ dialogue, startAt: 'Start' });
const t1 = nowMs();
let validateMs = null;
if (args['parse-all']) {
  const bondage = runner.runner;
  for (const title of Object.keys(bondage.yarnNodes)) bondage.getParserNodes(title);
  validateMs = nowMs() - t1;
}
const t2 = nowMs();

const rng = mulberry32(args.seed);
let h = FNV_OFFSET;
let steps = 0;
const trace = args.trace ? (w, s) => process.stderr.write(`${w}\t${s}\n`) : null;
const available = [];
for (let w = 0; w < args.walks; w++) {
  runner.jump('Start');
  runner.history.length = 0;
  let taken = 0;
  for (;;) {
    const r = runner.currentResult;
    if (r instanceof YarnBound.TextResult) {
      if (trace) trace(w, r.text);
      h = hashLine(h, r.text);
      if (r.isDialogueEnd) break;
      runner.advance();
    } else if (r instanceof YarnBound.OptionsResult) {
      if (taken >= args.stepCap) break;
      available.length = 0; // unavailable options are listed too, with isAvailable false
      r.options.forEach((o, i) => { if (o.isAvailable) available.push(i); });
      if (available.length === 0) break;
      runner.advance(available[pick(rng(), available.length)]);
      taken++;
    } else {
      throw new Error(`yarn_walk: unexpected result in walk ${w}: ${JSON.stringify(r)}`);
    }
  }
  steps += taken;
}
const t3 = nowMs();

report({
  engine: `yarn-bound ${packageVersion('yarn-bound')}`,
  file: args.file,
  walks: args.walks,
  seed: args.seed,
  stepCap: args.stepCap,
  parseMs: t1 - t0,
  validateMs,
  loadMs: t2 - t0,
  walkMs: t3 - t2,
  steps,
  pathHash: h,
});
