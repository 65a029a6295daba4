'use strict';
// node compile_ink.js IN.ink OUT.json: compiles ink with inkjs's own compiler (untimed
// preparation for ink_walk.js). Prints one JSON line with the compile time, the JSON's
// size and the process's peak memory, since compiling large stories is worth knowing about.
const fs = require('fs');
const { Compiler } = require('inkjs/compiler/Compiler');
const { nowMs, packageVersion } = require('./common');

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  process.stderr.write('usage: node compile_ink.js IN.ink OUT.json\n');
  process.exit(2);
}
const source = fs.readFileSync(input, 'utf8');
const t0 = nowMs();
const compiler = new Compiler(source);
let story = null;
try {
  story = compiler.Compile();
} catch (e) {
  if (compiler.errors.length === 0) throw e;
}
for (const w of compiler.warnings) process.stderr.write(`warning: ${w}\n`);
if (!story || compiler.errors.length) {
  for (const e of compiler.errors) process.stderr.write(`error: ${e}\n`);
  process.exit(1);
}
const json = story.ToJson();
const ms = nowMs() - t0;
fs.writeFileSync(output, json);
process.stdout.write(JSON.stringify({
  compiler: `inkjs ${packageVersion('inkjs')}`,
  file: input,
  out: output,
  compile_ms: ms,
  json_bytes: Buffer.byteLength(json),
  rss_mb: process.resourceUsage().maxRSS / 1024,
}) + '\n');
