// What the For-you bench bundles for Chromium (tests/bench/foryou.ts): the browser's own modules
// for reading a day, ranking it and importing a library. Its type names the page's global.
export { decodeDayData } from "../../src/foryou/data.ts";
export { paperInterest, rank, textInterest } from "../../src/foryou/score.ts";
export { importLibrary } from "../../src/foryou/import.ts";
