// Owns feed text as readable plain text where no math renderer runs (excerpts, search snippets,
// meta descriptions): `\( \mathcal{O}(N^2) \)` reads as "O(N²)", `\emph{sparse}` as "sparse",
// `94.5\%` as "94.5%", not as TeX source.
import { parseProse, proseToText, type Prose } from "../tex/prose.ts";

const SYMBOLS: Record<string, string> = {
  alpha: "α",
  beta: "β",
  gamma: "γ",
  delta: "δ",
  epsilon: "ε",
  varepsilon: "ε",
  zeta: "ζ",
  eta: "η",
  theta: "θ",
  kappa: "κ",
  lambda: "λ",
  mu: "μ",
  nu: "ν",
  xi: "ξ",
  pi: "π",
  rho: "ρ",
  sigma: "σ",
  tau: "τ",
  phi: "φ",
  varphi: "φ",
  chi: "χ",
  psi: "ψ",
  omega: "ω",
  Gamma: "Γ",
  Delta: "Δ",
  Theta: "Θ",
  Lambda: "Λ",
  Pi: "Π",
  Sigma: "Σ",
  Phi: "Φ",
  Psi: "Ψ",
  Omega: "Ω",
  times: "×",
  cdot: "·",
  div: "÷",
  pm: "±",
  mp: "∓",
  leq: "≤",
  le: "≤",
  geq: "≥",
  ge: "≥",
  neq: "≠",
  ne: "≠",
  approx: "≈",
  sim: "∼",
  simeq: "≃",
  equiv: "≡",
  propto: "∝",
  ll: "≪",
  gg: "≫",
  infty: "∞",
  to: "→",
  rightarrow: "→",
  Rightarrow: "⇒",
  leftarrow: "←",
  mapsto: "↦",
  in: "∈",
  notin: "∉",
  subset: "⊂",
  subseteq: "⊆",
  cup: "∪",
  cap: "∩",
  forall: "∀",
  exists: "∃",
  sum: "∑",
  prod: "∏",
  int: "∫",
  partial: "∂",
  nabla: "∇",
  sqrt: "√",
  ell: "ℓ",
  circ: "∘",
  cdots: "⋯",
  ldots: "…",
  dots: "…",
  langle: "⟨",
  rangle: "⟩",
  lfloor: "⌊",
  rfloor: "⌋",
  lceil: "⌈",
  rceil: "⌉",
  top: "⊤",
  star: "⋆",
  ast: "∗",
  mid: "|",
  vert: "|",
  lvert: "|",
  rvert: "|",
  "%": "%",
  "&": "&",
  "#": "#",
  _: "_",
  "{": "{",
  "}": "}",
  $: "$",
};
const BLACKBOARD: Record<string, string> = { R: "ℝ", N: "ℕ", Z: "ℤ", Q: "ℚ", C: "ℂ", E: "𝔼", P: "ℙ" };
const SUPERSCRIPT: Record<string, string> = {
  "0": "⁰",
  "1": "¹",
  "2": "²",
  "3": "³",
  "4": "⁴",
  "5": "⁵",
  "6": "⁶",
  "7": "⁷",
  "8": "⁸",
  "9": "⁹",
  "+": "⁺",
  "-": "⁻",
  "=": "⁼",
  "(": "⁽",
  ")": "⁾",
  n: "ⁿ",
  i: "ⁱ",
  T: "ᵀ",
  k: "ᵏ",
  d: "ᵈ",
  t: "ᵗ",
};
const SUBSCRIPT: Record<string, string> = {
  "0": "₀",
  "1": "₁",
  "2": "₂",
  "3": "₃",
  "4": "₄",
  "5": "₅",
  "6": "₆",
  "7": "₇",
  "8": "₈",
  "9": "₉",
  "+": "₊",
  "-": "₋",
  "=": "₌",
  "(": "₍",
  ")": "₎",
  i: "ᵢ",
  j: "ⱼ",
  k: "ₖ",
  n: "ₙ",
  t: "ₜ",
  x: "ₓ",
};
/** Commands whose argument is shown as it is: fonts, text and operator names. */
const WRAPPERS =
  /\\(?:text|textbf|textit|textrm|mathrm|mathbf|mathit|mathcal|mathsf|mathtt|boldsymbol|operatorname|bm|emph|hat|bar|tilde|vec|widehat|widetilde|overline|underline)\s*\{([^{}]*)\}/g;

/** One group's text in super- or subscript letters when each has one, else `^(…)` / `_(…)`. */
function script(body: string, table: Record<string, string>, mark: string): string {
  const chars = [...body];
  if (chars.every((c) => table[c] !== undefined)) return chars.map((c) => table[c]).join("");
  return chars.length === 1 ? mark + body : `${mark}(${body})`;
}

/** TeX source of one formula → readable text. Not a renderer: enough for a snippet. */
export function texToText(tex: string): string {
  let s = tex;
  // innermost groups first, so nested wrappers and fractions unwind
  for (let i = 0; i < 5; i++) {
    const before = s;
    s = s
      .replace(WRAPPERS, "$1")
      .replace(/\\mathbb\s*\{([^{}]*)\}/g, (_m, x: string) => BLACKBOARD[x] ?? x)
      .replace(
        /\\d?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g,
        (_m, a: string, b: string) => `${group(a)}/${group(b)}`,
      )
      .replace(/\\sqrt\s*\{([^{}]*)\}/g, (_m, a: string) => `√${group(a)}`)
      .replace(/\^\{([^{}]*)\}/g, (_m, a: string) => script(a, SUPERSCRIPT, "^"))
      .replace(/_\{([^{}]*)\}/g, (_m, a: string) => script(a, SUBSCRIPT, "_"));
    if (s === before) break;
  }
  return s
    .replace(/\^([A-Za-z0-9+-])/g, (_m, a: string) => script(a, SUPERSCRIPT, "^"))
    .replace(/_([A-Za-z0-9])/g, (_m, a: string) => script(a, SUBSCRIPT, "_"))
    .replace(/\\(?:left|right|big|Big|bigg|Bigg)(?![A-Za-z])/g, "")
    .replace(/\\([A-Za-z]+|[%&#_{}$])/g, (_m, name: string) => SYMBOLS[name] ?? name)
    .replace(/\\[,;:! ]|~/g, " ")
    .replace(/\\\\/g, " ")
    .replace(/[{}]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** A group of several characters keeps its parentheses in a/b forms: (n+1)/2. */
const group = (text: string) => (/^[\p{L}\p{N}.]+$/u.test(text.trim()) ? text.trim() : `(${text.trim()})`);

/** Feed text with its text commands read and each formula written out as readable text. */
export function readableText(text: string, tree: Prose[] = parseProse(text)): string {
  return proseToText(tree, (seg) => texToText(seg.value));
}
