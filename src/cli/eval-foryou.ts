// Owns `paper-digest eval-foryou` (`npm run eval:foryou`): For-you's methods measured on the hand
// labels, one table per protocol (fixed halves, random halvings), the winner marked.
import { EXIT, type Args, type Cli } from "./context.ts";
import { readLabelled } from "./eval.ts";
import { titleKey } from "../common/text.ts";
import { forYouPapers } from "../foryou/data.ts";
import { evaluateForYou, formatForYouTable, protocols, type LabelledPaper } from "../foryou/evaluate.ts";
import { METHODS } from "../foryou/score.ts";

export async function evalForYou(args: Args, cli: Cli): Promise<number> {
  const read = await readLabelled(args, cli);
  if (typeof read === "number") return read;
  const gold = new Map(read.gold.map((g) => [titleKey(g.title), g.topics]));
  // a paper without labels has no topic: it is never relevant, and is ranked like any other
  const papers: LabelledPaper[] = forYouPapers(read.content.papers).map((p) => ({
    ...p,
    gold: gold.get(titleKey(p.title)) ?? [],
  }));
  for (const protocol of protocols(papers))
    cli.stdout(
      formatForYouTable(protocol.name, evaluateForYou(papers, read.content.topics, protocol, METHODS)) +
        "\n\n",
    );
  return EXIT.ok;
}
