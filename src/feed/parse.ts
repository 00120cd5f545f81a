// Owns parseFeed: one dump's text → its digest, entries and diagnostics, whatever its format. The
// format is told from the content: JSON is Hugging Face's daily papers, XML an arXiv API result or
// listing, anything else a pasted trending page. Pure: no I/O, no clock.
import type { Diagnostic } from "../common/diagnostics.ts";
import { normalizeText, quote } from "../common/text.ts";
import { binaryProblem } from "../common/limits.ts";
import { basename, type DumpFormat, type ParsedDump, type ReadDump, type Report } from "./dump.ts";
import { readText } from "./formats/text.ts";
import { notADump, sniff } from "./sniff.ts";
import { repairMojibake } from "./mojibake.ts";
import { lineColumn } from "../common/json.ts";
import { readHfDaily } from "./formats/hf-daily.ts";
import { readArxivXml } from "./formats/arxiv-xml.ts";

export type { ParsedDump } from "./dump.ts";

/** The format a dump's text is in, by its first characters (an HTML page reads as text here). */
export function detectFormat(text: string): "text" | "json" | "xml" {
  const kind = sniff(text);
  return kind === "html" ? "text" : kind;
}

export function parseFeed(raw: string, file: string): ParsedDump {
  const diagnostics: Diagnostic[] = [];
  const report: Report = (severity, line, message, column) =>
    diagnostics.push({
      file,
      ...(line ? { line } : {}),
      ...(line && column ? { column } : {}),
      severity,
      message,
    });
  const binary = binaryProblem(raw);
  if (binary) {
    report("error", 1, binary);
    return { file, format: "text", label: basename(file), entries: [], updates: [], diagnostics };
  }
  reportNormalisations(raw, report);
  const text = repaired(normalizeText(raw), report);
  const kind = sniff(text);
  const notDump = notADump(text, file, kind);
  if (notDump) {
    report("error", 1, notDump);
    return { file, format: "text", label: basename(file), entries: [], updates: [], diagnostics };
  }
  let read: ReadDump & { format: DumpFormat };
  if (kind === "json") read = { format: "hf-daily", ...readHfDaily(text, file, report) };
  else if (kind === "xml") read = readArxivXml(text, file, report);
  else read = { format: "text", ...readText(text, file, report) };
  return { file, ...read, diagnostics };
}

/** The text with double-encoded characters decoded, said in one warning at the first of them. */
function repaired(text: string, report: Report): string {
  const { text: out, repair } = repairMojibake(text);
  if (!repair) return text;
  const at = lineColumn(text, repair.first);
  const many =
    repair.count === 1 ? "1 double-encoded character" : `${repair.count} double-encoded characters`;
  report(
    "warning",
    at.line,
    `repaired ${many} (UTF-8 read as Windows-1252 somewhere upstream), first ${quote(repair.before)} → ${quote(repair.after)}`,
    at.column,
  );
  return out.normalize("NFC");
}

/** BOM and foreign line endings are fixed silently by the parser, but the maintainer hears of them. */
function reportNormalisations(raw: string, report: Report) {
  if (raw.startsWith("\uFEFF"))
    report("warning", 1, "removed a byte-order mark (BOM) at the start of the file");
  const firstCr = raw.indexOf("\r");
  if (firstCr >= 0) {
    const count = raw.match(/\r\n?/g)!.length;
    const line = raw.slice(0, firstCr).split("\n").length;
    const lines = `${count} line${count === 1 ? "" : "s"} end${count === 1 ? "s" : ""}`;
    report("warning", line, `${lines} with CR or CRLF; read as LF (first here)`);
  }
}
