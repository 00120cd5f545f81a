// Owns where a paper page sends its reader: arXiv, the PDF, Hugging Face, code, the project page,
// the DOI; and, for a paper no dump gave an id, searches that find it by its exact title.
import { arxivAbsUrl, arxivPdfUrl, findPaperUrls, huggingFaceUrl } from "../../feed/arxiv.ts";
import type { EnrichedPaper } from "../enrich.ts";

export interface OutLink {
  kind: "arxiv" | "pdf" | "hf" | "code" | "project" | "doi" | "find";
  /** the button's words */
  label: string;
  /** host and path, shown small beside the label (code and project links) */
  detail?: string | undefined;
  url: string;
}

/** A link's host and path without the scheme, as a button shows it. */
export function linkLabel(url: string): string {
  return url.replace(/^https?:\/\//i, "").replace(/\/$/, "");
}

export function outLinks(
  p: Pick<EnrichedPaper, "arxivId" | "version" | "huggingFace" | "links" | "projectPage" | "doi" | "title">,
): OutLink[] {
  const out: OutLink[] = [];
  if (p.arxivId) {
    out.push({ kind: "arxiv", label: "arXiv", detail: p.arxivId, url: arxivAbsUrl(p.arxivId) });
    out.push({ kind: "pdf", label: "PDF", url: arxivPdfUrl(p.arxivId, p.version) });
    if (p.huggingFace) out.push({ kind: "hf", label: "Hugging Face", url: huggingFaceUrl(p.arxivId) });
  }
  for (const l of p.links.filter((l) => l.kind === "code")) {
    out.push({ kind: "code", label: "Code", detail: linkLabel(l.url), url: l.url });
  }
  if (p.projectPage)
    out.push({
      kind: "project",
      label: "Project page",
      detail: linkLabel(p.projectPage),
      url: p.projectPage,
    });
  if (p.doi) out.push({ kind: "doi", label: "DOI", detail: p.doi, url: doiUrl(p.doi) });
  if (!p.arxivId)
    for (const f of findPaperUrls(p.title)) out.push({ kind: "find", label: f.label, url: f.url });
  return out;
}

/**
 * doi.org's link for a DOI. encodeURI leaves `#` and `?`, which would end the DOI there (SICI DOIs
 * end in a check character that can be `#`), so they are encoded too.
 */
function doiUrl(doi: string): string {
  return `https://doi.org/${encodeURI(doi).replace(/[#?]/g, (c) => encodeURIComponent(c))}`;
}
