'use strict';
// node ink_walk.js --random-walks K --seed S --step-cap C [--trace] FILE.json
//
// The side-by-side walk (README.md) on inkjs, over a story compiled by compile_ink.js.
// Every knot of the generated story prints exactly one line (its node's text), so each
// Continue() is one node entered. Prints one JSON line; --trace prints every line entered
// on stderr, to find where two engines part.
const fs = require('fs');
const { Story } = require('inkjs');
const { mulberry32, pick, hashLine, FNV_OFFSET, nowMs, parseArgs, packageVersion, report } = require('./common');

const USAGE = 'node ink_walk.js --random-walks K --seed S --step-cap C [--trace] FILE.json';
const args = parseArgs(process.argv.slice(2), USAGE, ['trace']);
// The file is read before the clock starts, as every engine here does. inklecate writes
// a byte-order mark; inkjs's compiler (compile_ink.js) does not, but strip one anyway.
const jsonText = fs.readFileSync(args.file, 'utf8').replace(/^\uFEFF/, '');

// Loading: `new Story(text)` parses the JSON and builds the runtime tree in one step; the
// runtime has no separate parse or validation phase, so those are null.
const t0 = nowMs();
const story = new Story(jsonText);
const t1 = nowMs();

const rng = mulberry32(args.seed);
let h = FNV_OFFSET;
let steps = 0;
const trace = args.trace ? (w, s) => process.stderr.write(`${w}\t${s}\n`) : null;
for (let w = 0; w < args.walks; w++) {
  story.ResetState(); // variables back to their VAR values, the top of the story again
  let taken = 0;
  for (;;) {
    while (story.canContinue) {
      const line = story.Continue().replace(/\n$/, '');
      if (trace) trace(w, line);
      h = hashLine(h, line);
    }
    const choices = story.currentChoices; // only those whose condition holds, in file order
    if (choices.length === 0 || taken >= args.stepCap) break;
    story.ChooseChoiceIndex(pick(rng(), choices.length));
    taken++;
  }
  steps += taken;
}
const t2 = nowMs();

report({
  engine: `inkjs ${packageVersion('inkjs')}`,
  file: args.file,
  walks: args.walks,
  seed: args.seed,
  stepCap: args.stepCap,
  parseMs: null,
  validateMs: null,
  loadMs: t1 - t0,
  walkMs: t2 - t1,
  steps,
  pathHash: h,
});
