import assert from "node:assert/strict";
import { test } from "node:test";
import { linkLabel, outLinks } from "../../../src/site/views/outlinks.ts";

const TITLE = "Mamba: Linear-Time Sequence Modeling with Selective State Spaces";

test("a paper with an arXiv id links arXiv, its PDF at its version, and Hugging Face when listed there", () => {
  const links = outLinks({ title: TITLE, arxivId: "2312.00752", version: 2, huggingFace: true, links: [] });
  assert.deepEqual(links, [
    { kind: "arxiv", label: "arXiv", detail: "2312.00752", url: "https://arxiv.org/abs/2312.00752" },
    { kind: "pdf", label: "PDF", url: "https://arxiv.org/pdf/2312.00752v2" },
    { kind: "hf", label: "Hugging Face", url: "https://huggingface.co/papers/2312.00752" },
  ]);
  const plain = outLinks({ title: TITLE, arxivId: "hep-th/9901001", links: [] });
  assert.deepEqual(
    plain.map((l) => l.url),
    ["https://arxiv.org/abs/hep-th/9901001", "https://arxiv.org/pdf/hep-th/9901001"],
    "no version: the newest PDF; not on Hugging Face: no link there",
  );
});

test("code links, the project page and the DOI follow, each with what it points to", () => {
  const links = outLinks({
    title: TITLE,
    arxivId: "2312.00752",
    links: [
      { kind: "code", url: "https://github.com/state-spaces/mamba/" },
      { kind: "page", url: "https://example.org/talk" },
    ],
    projectPage: "https://mamba.example.io/",
    doi: "10.48550/arXiv.2312.00752",
  });
  assert.deepEqual(links.slice(2), [
    {
      kind: "code",
      label: "Code",
      detail: "github.com/state-spaces/mamba",
      url: "https://github.com/state-spaces/mamba/",
    },
    { kind: "project", label: "Project page", detail: "mamba.example.io", url: "https://mamba.example.io/" },
    {
      kind: "doi",
      label: "DOI",
      detail: "10.48550/arXiv.2312.00752",
      url: "https://doi.org/10.48550/arXiv.2312.00752",
    },
  ]);
});

test("a paper no dump gave an id is found by its exact title, the title encoded", () => {
  const links = outLinks({ title: "A & B: 100% <fast>?", links: [] });
  assert.deepEqual(links, [
    {
      kind: "find",
      label: "Find on arXiv",
      url: "https://arxiv.org/search/?query=A%20%26%20B%3A%20100%25%20%3Cfast%3E%3F&searchtype=title",
    },
    {
      kind: "find",
      label: "Find on Semantic Scholar",
      url: "https://www.semanticscholar.org/search?q=A%20%26%20B%3A%20100%25%20%3Cfast%3E%3F",
    },
  ]);
});

test("a link's label drops the scheme and a trailing slash, nothing else", () => {
  assert.equal(linkLabel("https://github.com/a/b/"), "github.com/a/b");
  assert.equal(linkLabel("HTTP://Example.org/x?y=1"), "Example.org/x?y=1");
  assert.equal(linkLabel("ftp://example.org/"), "ftp://example.org");
});

test("a DOI's # and ? are part of it in the doi.org link, not a fragment or query", () => {
  const doi = "10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-#";
  const [link] = outLinks({ title: TITLE, links: [], doi }).filter((l) => l.kind === "doi");
  assert.equal(
    link!.url,
    "https://doi.org/10.1002/(SICI)1097-4571(199806)49:8%3C693::AID-ASI4%3E3.0.CO;2-%23",
  );
  const url = new URL(link!.url);
  assert.deepEqual([url.hash, url.search, decodeURIComponent(url.pathname.slice(1))], ["", "", doi]);
  assert.equal(new URL(outLinks({ title: TITLE, links: [], doi: "10.1000/a?b=1" })[0]!.url).search, "");
});
