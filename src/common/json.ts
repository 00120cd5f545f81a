// Owns reading JSON files with places: syntax errors and schema errors point at a line and column.
// jsonc-parser (VS Code's) keeps each value's offset, which JSON.parse throws away.
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from "jsonc-parser";
import type { z } from "zod";
import { type Diagnostic, issueMessage } from "./diagnostics.ts";
import { fail, ok, type Result } from "./result.ts";

export interface JsonDocument {
  /** the JSON as read */
  data: unknown;
  /** where each value stands: ask with `at` */
  tree: Node;
  text: string;
}

/** 1-based line and column of an offset into a text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

const MESSAGES: Record<string, string> = {
  InvalidSymbol: "unexpected character",
  InvalidNumberFormat: "a number written wrongly",
  PropertyNameExpected: "expected a property name in double quotes",
  ValueExpected: "expected a value",
  ColonExpected: "expected a colon",
  CommaExpected: "expected a comma",
  CloseBraceExpected: "expected a closing brace }",
  CloseBracketExpected: "expected a closing bracket ]",
  EndOfFileExpected: "expected the end of the file",
  UnexpectedEndOfString: "a string is not closed",
  UnexpectedEndOfNumber: "a number ends too soon",
  UnexpectedEndOfComment: "a comment is not closed",
  InvalidCommentToken: "comments are not allowed in JSON",
  InvalidUnicode: "an invalid \\u escape",
  InvalidEscapeCharacter: "an invalid escape character",
  InvalidCharacter: "an invalid character in a string",
};

/** Parses strict JSON (no comments, no trailing commas); the first syntax error is a diagnostic at its place. */
export function parseJson(text: string, file: string): Result<JsonDocument> {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  const first = errors[0];
  if (first || !tree) {
    const code = first ? printParseErrorCode(first.error) : "ValueExpected";
    const place = lineColumn(text, first?.offset ?? 0);
    const message = `not valid JSON: ${MESSAGES[code] ?? code}`;
    return fail({ file, ...place, severity: "error", message });
  }
  return ok({ data: JSON.parse(text) as unknown, tree, text });
}

/** The line and column of the value at a path (as zod's issue paths give it), or of its nearest parent. */
export function at(doc: JsonDocument, path: readonly PropertyKey[]): { line: number; column: number } {
  const keys = path.filter((k): k is string | number => typeof k !== "symbol");
  for (let n = keys.length; n >= 0; n--) {
    const node = findNodeAtLocation(doc.tree, keys.slice(0, n));
    if (node) return lineColumn(doc.text, node.offset);
  }
  return { line: 1, column: 1 };
}

/** zod's issues on a JSON document, each at the place of the value it names. */
export function jsonSchemaDiagnostics(
  file: string,
  doc: JsonDocument,
  error: z.ZodError,
  describe: (path: readonly PropertyKey[]) => string = (p) => p.map(String).join(".") || "the document",
): Diagnostic[] {
  return error.issues.map((issue) => ({
    file,
    ...at(doc, issue.path),
    severity: "error" as const,
    message: `${describe(issue.path)}: ${issueMessage(issue)}`,
  }));
}
