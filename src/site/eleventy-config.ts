// Owns the slice of Eleventy's config object this project calls (Eleventy ships no types), so the
// modules that register things on it import it from here, not from one another.
export interface EleventyConfig {
  addGlobalData: (name: string, value: unknown) => void;
  addPassthroughCopy: (map: Record<string, string>) => void;
  addWatchTarget: (target: string) => void;
  addExtension: (extension: string, options: object) => void;
  setTemplateFormats: (formats: string[]) => void;
  setUseTemplateCache: (use: boolean) => void;
  /** globs of input files not to render */
  ignores: { add: (glob: string) => void };
  on: (event: string, fn: (arg: { directories: { output: string } }) => unknown) => void;
}
