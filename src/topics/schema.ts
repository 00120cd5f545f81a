// Owns the taxonomy records: a topic file's front matter as validated by zod, and the Topic type.
import { z } from "zod";
import { Category, type Paper } from "../feed/schema.ts";

const Weighted = z.record(z.string().min(1), z.number().positive().max(20));

export const TopicFrontMatter = z
  .object({
    name: z.string().min(1),
    order: z.number().int().optional(),
    /** the score a paper needs for this topic */
    threshold: z.number().positive().default(5),
    /** phrases matched on normalised text: case, plurals/stems and hyphens do not matter */
    phrases: Weighted.default({}),
    /** names matched case-sensitively, also inside compounds (LoRA in LongLoRA), plural s allowed */
    acronyms: Weighted.default({}),
    /** arXiv categories that count as evidence, once each: { cs.SD: 3, eess.AS: 3 } */
    categories: z.record(Category, z.number().positive().max(20)).default({}),
    /** phrases whose words never count for this topic ("state space exploration") */
    exclude: z.array(z.string().min(1)).default([]),
    /** topics that win when both are assigned and theirs scores higher: the paper is mainly that */
    defer_to: z.array(z.string()).default([]),
    /** one match from `when` and one from `with` in the same sentence */
    combos: z
      .array(
        z
          .object({
            when: z.array(z.string().min(1)).min(1),
            with: z.array(z.string().min(1)).min(1),
            weight: z.number().positive(),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

/** A topic's slug is its file's name. */
export const TopicSlug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "expected a lowercase slug such as state-space-models");

export const Topic = TopicFrontMatter.extend({
  slug: TopicSlug,
  /** the Markdown description, as written */
  body: z.string(),
  file: z.string(),
});
export type Topic = z.infer<typeof Topic>;

export const Override = z
  .object({
    topics: z
      .object({ add: z.array(z.string()).default([]), remove: z.array(z.string()).default([]) })
      .strict()
      .default({ add: [], remove: [] }),
  })
  .strict();

export interface PaperOverride {
  slug: string;
  add: string[];
  remove: string[];
  /** the editorial note, Markdown */
  note: string;
  file: string;
}

export const TopicTag = z.object({
  slug: z.string(),
  /** the topic's display name, attached once when the tag is made */
  name: z.string(),
  score: z.number(),
  evidence: z.array(z.string()),
  source: z.enum(["rules", "editor"]),
});
export type TopicTag = z.infer<typeof TopicTag>;

/** A paper with the topics that are a main subject of it, best first. */
export type TaggedPaper = Paper & { topics: TopicTag[] };

/** Where papers that no topic's rules matched are listed. */
export const UNCATEGORIZED = {
  slug: "uncategorized",
  name: "Uncategorized",
  body: "Papers that no topic's rules matched. They are still searchable.",
} as const;
