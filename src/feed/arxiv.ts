// Owns arXiv identifiers: reading them from the forms feeds write them in, and the URLs they give.

export interface ArxivRef {
  /** without version: 2312.00752, hep-th/9901001 */
  id: string;
  version?: number | undefined;
}

const NEW_STYLE = /(\d{4}\.\d{4,5})(?:v(\d+))?/;
const OLD_STYLE = /([a-z][a-z-]*(?:\.[A-Z]{2})?\/\d{7})(?:v(\d+))?/;

/**
 * The id in "http://arxiv.org/abs/2312.00752v2", "oai:arXiv.org:2312.00752v2", "arXiv:2312.00752",
 * "https://arxiv.org/abs/hep-th/9901001v1" or a bare id; undefined when there is none.
 */
export function parseArxivRef(text: string): ArxivRef | undefined {
  const bare = text
    .trim()
    .replace(/^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\//i, "")
    .replace(/^oai:arxiv\.org:/i, "")
    .replace(/^arxiv:/i, "")
    .replace(/\.pdf$/i, "");
  const m = new RegExp(`^(?:${NEW_STYLE.source}|${OLD_STYLE.source})$`).exec(bare);
  if (!m) return undefined;
  const version = m[2] ?? m[4];
  return { id: (m[1] ?? m[3])!, version: version ? Number(version) : undefined };
}

export function arxivAbsUrl(id: string): string {
  return `https://arxiv.org/abs/${id}`;
}

export function arxivPdfUrl(id: string, version?: number): string {
  return `https://arxiv.org/pdf/${id}${version ? `v${version}` : ""}`;
}

/** Hugging Face's page of a paper (new-style ids only). */
export function huggingFaceUrl(id: string): string {
  return `https://huggingface.co/papers/${id}`;
}

/** The searches that find a paper whose id no dump gave: arXiv's title search and Semantic Scholar's. */
export function findPaperUrls(title: string): { label: string; url: string }[] {
  const q = encodeURIComponent(title);
  return [
    { label: "Find on arXiv", url: `https://arxiv.org/search/?query=${q}&searchtype=title` },
    { label: "Find on Semantic Scholar", url: `https://www.semanticscholar.org/search?q=${q}` },
  ];
}
