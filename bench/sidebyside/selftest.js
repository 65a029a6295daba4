'use strict';
// Checks the shared definitions against their test vectors; exits 1 on any mismatch.
const { mulberry32, pick, hashLine, FNV_OFFSET } = require('./common');

let failed = 0;
function expect(what, got, want) {
  const ok = JSON.stringify(got) === JSON.stringify(want);
  if (!ok) failed++;
  process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} ${what}: ${JSON.stringify(got)}${ok ? '' : ` (want ${JSON.stringify(want)})`}\n`);
}

{
  const r = mulberry32(42);
  expect('mulberry32(42) first five', [r(), r(), r(), r(), r()],
    [2581720956, 1925393290, 3661312704, 2876485805, 750819978]);
}
{
  const r = mulberry32(42);
  const picks = [];
  for (let i = 0; i < 10; i++) picks.push(pick(r(), 3));
  expect('picks among 3 from mulberry32(42)', picks, [1, 1, 2, 2, 0, 1, 0, 1, 2, 1]);
}
{
  // The Number pick and the BigInt definition agree, at the edges too.
  const r = mulberry32(7);
  let same = true;
  const check = (x, n) => { if (pick(x, n) !== Number((BigInt(x) * BigInt(n)) >> 32n)) same = false; };
  for (let i = 0; i < 100000; i++) check(r(), 1 + (i % 9));
  for (const n of [1, 2, 3, 4, 1000, 1 << 20]) { check(0, n); check(0xFFFFFFFF, n); check(0x80000000, n); }
  expect('pick equals (BigInt(r) * BigInt(count)) >> 32n', same, true);
}
expect('fnv1a32("abc\\n")', hashLine(FNV_OFFSET, 'abc').toString(16), '6033cc93');
{
  // Non-ASCII text is hashed as its UTF-8 bytes.
  let h = FNV_OFFSET;
  for (const b of Buffer.from('é✓😀\n', 'utf8')) h = Math.imul(h ^ b, 16777619) >>> 0;
  expect('fnv1a32 of UTF-8 text', hashLine(FNV_OFFSET, 'é✓😀'), h);
}

process.stdout.write(failed ? `${failed} failed\n` : 'all passed\n');
process.exit(failed ? 1 : 0);
