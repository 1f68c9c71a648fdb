// A raw DEFLATE decoder (RFC 1951), after Mark Adler's puff.c: small, synchronous, and bounded.
// Share links are compressed with the browser's CompressionStream("deflate-raw") (or any zlib at
// windowBits -15); reading them here instead of with DecompressionStream lets decoding stop the
// moment the output passes a cap (a small link cannot unpack into gigabytes), gives the same
// answer in every browser and in Node, and keeps decoding synchronous. It never throws: damaged,
// cut or oversized input comes back as a reason.

export type InflateResult =
  { ok: true; bytes: Uint8Array } | { ok: false; reason: "truncated" | "corrupt" | "tooLarge" };

const MAX_BITS = 15;
const LENGTH_BASE = [
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
  163, 195, 227, 258,
];
const LENGTH_EXTRA = [
  0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];
const DIST_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049,
  3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
const DIST_EXTRA = [
  0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
];
/** The order in which code-length code lengths are sent (RFC 1951, 3.2.7). */
const CLEN_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

class Stop extends Error {
  constructor(readonly reason: "truncated" | "corrupt" | "tooLarge") {
    super(reason);
  }
}

interface Huffman {
  /** Number of codes of each length. */
  count: Uint16Array;
  /** Symbols ordered by code. */
  symbol: Uint16Array;
}

/** Builds a canonical code; returns how many codes are left over (0: complete, <0: over-subscribed). */
function construct(h: Huffman, lengths: Uint8Array, n: number): number {
  h.count.fill(0);
  for (let s = 0; s < n; s++) h.count[lengths[s]!]!++;
  if (h.count[0] === n) return 0;
  let left = 1;
  for (let len = 1; len <= MAX_BITS; len++) {
    left <<= 1;
    left -= h.count[len]!;
    if (left < 0) return left;
  }
  const offs = new Uint16Array(MAX_BITS + 1);
  for (let len = 1; len < MAX_BITS; len++) offs[len + 1] = offs[len]! + h.count[len]!;
  for (let s = 0; s < n; s++) if (lengths[s] !== 0) h.symbol[offs[lengths[s]!]!++] = s;
  return left;
}

class Inflater {
  private pos = 0;
  private bitBuf = 0;
  private bitCount = 0;
  private out: Uint8Array;
  private outLen = 0;

  constructor(
    private readonly input: Uint8Array,
    private readonly maxOutput: number,
  ) {
    this.out = new Uint8Array(Math.min(maxOutput, Math.max(1024, input.length * 4)));
  }

  private bits(need: number): number {
    let val = this.bitBuf;
    while (this.bitCount < need) {
      if (this.pos >= this.input.length) throw new Stop("truncated");
      val |= this.input[this.pos++]! << this.bitCount;
      this.bitCount += 8;
    }
    this.bitBuf = val >>> need;
    this.bitCount -= need;
    return val & ((1 << need) - 1);
  }

  private room(extra: number): void {
    const need = this.outLen + extra;
    if (need > this.maxOutput) throw new Stop("tooLarge");
    if (need <= this.out.length) return;
    const grown = new Uint8Array(Math.min(this.maxOutput, Math.max(need, this.out.length * 2)));
    grown.set(this.out.subarray(0, this.outLen));
    this.out = grown;
  }

  private decode(h: Huffman): number {
    let code = 0;
    let first = 0;
    let index = 0;
    for (let len = 1; len <= MAX_BITS; len++) {
      code |= this.bits(1);
      const count = h.count[len]!;
      if (code - count < first) return h.symbol[index + (code - first)]!;
      index += count;
      first += count;
      first <<= 1;
      code <<= 1;
    }
    throw new Stop("corrupt");
  }

  private stored(): void {
    this.bitBuf = 0;
    this.bitCount = 0;
    if (this.pos + 4 > this.input.length) throw new Stop("truncated");
    const inp = this.input;
    const len = inp[this.pos]! | (inp[this.pos + 1]! << 8);
    const nlen = inp[this.pos + 2]! | (inp[this.pos + 3]! << 8);
    this.pos += 4;
    if (len !== (~nlen & 0xffff)) throw new Stop("corrupt");
    if (this.pos + len > inp.length) throw new Stop("truncated");
    this.room(len);
    this.out.set(inp.subarray(this.pos, this.pos + len), this.outLen);
    this.outLen += len;
    this.pos += len;
  }

  private codes(lencode: Huffman, distcode: Huffman): void {
    for (;;) {
      let symbol = this.decode(lencode);
      if (symbol < 256) {
        this.room(1);
        this.out[this.outLen++] = symbol;
      } else if (symbol === 256) {
        return;
      } else {
        symbol -= 257;
        if (symbol >= 29) throw new Stop("corrupt");
        const len = LENGTH_BASE[symbol]! + this.bits(LENGTH_EXTRA[symbol]!);
        const dsym = this.decode(distcode);
        if (dsym >= 30) throw new Stop("corrupt");
        const dist = DIST_BASE[dsym]! + this.bits(DIST_EXTRA[dsym]!);
        if (dist > this.outLen) throw new Stop("corrupt");
        this.room(len);
        const out = this.out;
        let from = this.outLen - dist;
        for (let i = 0; i < len; i++) out[this.outLen++] = out[from++]!;
      }
    }
  }

  private fixed(): void {
    const lengths = new Uint8Array(288);
    lengths.fill(8, 0, 144);
    lengths.fill(9, 144, 256);
    lengths.fill(7, 256, 280);
    lengths.fill(8, 280, 288);
    const lencode = huffman(288);
    construct(lencode, lengths, 288);
    const distcode = huffman(30);
    construct(distcode, new Uint8Array(30).fill(5), 30);
    this.codes(lencode, distcode);
  }

  private dynamic(): void {
    const nlen = this.bits(5) + 257;
    const ndist = this.bits(5) + 1;
    const ncode = this.bits(4) + 4;
    if (nlen > 286 || ndist > 30) throw new Stop("corrupt");
    const lengths = new Uint8Array(320);
    for (let i = 0; i < ncode; i++) lengths[CLEN_ORDER[i]!] = this.bits(3);
    const lencode = huffman(288);
    if (construct(lencode, lengths, 19) !== 0) throw new Stop("corrupt");
    lengths.fill(0);
    let index = 0;
    while (index < nlen + ndist) {
      let symbol = this.decode(lencode);
      if (symbol < 16) {
        lengths[index++] = symbol;
        continue;
      }
      let len = 0;
      if (symbol === 16) {
        if (index === 0) throw new Stop("corrupt");
        len = lengths[index - 1]!;
        symbol = 3 + this.bits(2);
      } else if (symbol === 17) symbol = 3 + this.bits(3);
      else symbol = 11 + this.bits(7);
      if (index + symbol > nlen + ndist) throw new Stop("corrupt");
      while (symbol--) lengths[index++] = len;
    }
    // Without an end-of-block code the block could never end.
    if (lengths[256] === 0) throw new Stop("corrupt");
    // An incomplete code is allowed only for a single code of length 1 (as zlib writes it).
    let left = construct(lencode, lengths, nlen);
    if (left < 0 || (left > 0 && nlen - lencode.count[0]! !== 1)) throw new Stop("corrupt");
    const distcode = huffman(30);
    left = construct(distcode, lengths.subarray(nlen), ndist);
    if (left < 0 || (left > 0 && ndist - distcode.count[0]! !== 1)) throw new Stop("corrupt");
    this.codes(lencode, distcode);
  }

  run(): Uint8Array {
    let last: number;
    do {
      last = this.bits(1);
      const type = this.bits(2);
      if (type === 0) this.stored();
      else if (type === 1) this.fixed();
      else if (type === 2) this.dynamic();
      else throw new Stop("corrupt");
    } while (!last);
    return this.out.slice(0, this.outLen);
  }
}

function huffman(n: number): Huffman {
  return { count: new Uint16Array(MAX_BITS + 1), symbol: new Uint16Array(n) };
}

/** Decompresses raw DEFLATE data, refusing to produce more than `maxOutput` bytes. */
export function inflateRaw(input: Uint8Array, maxOutput: number): InflateResult {
  try {
    return { ok: true, bytes: new Inflater(input, maxOutput).run() };
  } catch (e) {
    if (e instanceof Stop) return { ok: false, reason: e.reason };
    // Only a defect here could get this far; a link is then simply unreadable, not a crash.
    return { ok: false, reason: "corrupt" };
  }
}
