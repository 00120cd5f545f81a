// Owns repairing double-encoded text: UTF-8 that was read as Windows-1252 (or Latin-1) somewhere
// upstream and written out again, so "Weißl" arrives as "WeiÃ\u009fl" and "ω" as "Ï‰". Each run
// of characters that stand for the bytes of one UTF-8 character (a lead byte C2–F4 and its 1–3
// continuation bytes 80–BF) is turned back into those bytes and decoded; a run that is no valid
// UTF-8 is left as it is. Correct text is never changed: a lead letter such as Ã, ß or ï followed
// by an ordinary letter ("São", "Weißl", "naïve") is no such run. Pure.

/** The characters Windows-1252 gives bytes 80–9F (Latin-1 gives them C1 controls, also taken). */
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";
const BYTE = new Map<string, number>();
for (let b = 0x80; b <= 0xff; b++) BYTE.set(String.fromCharCode(b), b);
for (let i = 0; i < 32; i++) BYTE.set(CP1252_HIGH[i]!, 0x80 + i);

const CONT = `[\\u0080-\\u00bf${CP1252_HIGH.replace(/[\u0080-\u00bf]/g, "")}]`;
const RUN = new RegExp(
  `[\\u00c2-\\u00df]${CONT}|[\\u00e0-\\u00ef]${CONT}{2}|[\\u00f0-\\u00f4]${CONT}{3}`,
  "g",
);
const decoder = new TextDecoder("utf-8", { fatal: true });

export interface Repair {
  /** where the first repaired run starts (an offset into the text) */
  first: number;
  /** how many runs were repaired */
  count: number;
  before: string;
  after: string;
}

/** The text with its double-encoded runs decoded, and what was repaired (undefined when nothing). */
export function repairMojibake(text: string): { text: string; repair?: Repair } {
  let count = 0;
  let first = -1;
  let before = "";
  let after = "";
  const out = text.replace(RUN, (run, offset: number) => {
    let decoded: string;
    try {
      decoded = decoder.decode(Uint8Array.from([...run].map((c) => BYTE.get(c)!)));
    } catch {
      return run;
    }
    if (count++ === 0) {
      first = offset;
      before = run;
      after = decoded;
    }
    return decoded;
  });
  return count ? { text: out, repair: { first, count, before, after } } : { text };
}
