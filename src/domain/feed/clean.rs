//! Turning feed text into display text: HTML to plain text, LaTeX-ish markup to Unicode,
//! whitespace collapsed, lengths capped.
//!
//! The result is always shown as text, never as markup: this module only makes it readable.

use crate::display::collapse_whitespace;

/// Longest title kept, in characters.
pub const MAX_TITLE: usize = 1_000;
/// Longest abstract (or summary) kept, in characters.
pub const MAX_ABSTRACT: usize = 20_000;
/// Longest short field (author, keyword, category, organisation, URL) kept, in characters.
pub const MAX_SHORT: usize = 2_000;
/// Most list items (authors, keywords, categories, links) kept per paper.
pub const MAX_ITEMS: usize = 1_000;

/// Cuts `text` to at most `max` characters, marking the cut with "…".
pub fn cap(mut text: String, max: usize) -> String {
    // A string of at most `max` bytes has at most `max` characters.
    if text.len() <= max {
        return text;
    }
    if let Some((at, _)) = text.char_indices().nth(max) {
        text.truncate(at);
        text.push('…');
    }
    text
}

/// Display text of a title or abstract given as plain text with LaTeX-ish markup.
///
/// ```
/// use papersift_domain::feed::clean::display_text;
/// assert_eq!(display_text("$\\beta$-DPO:  Fast\n  \\& $O(n^2)$", 100), "β-DPO: Fast & O(n²)");
/// ```
pub fn display_text(text: &str, max: usize) -> String {
    if has_latex(text) {
        cap(collapse_whitespace(&latex_to_unicode(text)), max)
    } else {
        cap(collapse_whitespace(text), max)
    }
}

fn has_latex(text: &str) -> bool {
    text.as_bytes().contains(&b'\\') || text.as_bytes().contains(&b'$')
}

/// Display text of a field given as HTML (RSS descriptions, Atom `type="html"`):
/// tags are dropped, entities decoded, then as [`display_text`].
///
/// ```
/// use papersift_domain::feed::clean::html_display_text;
/// assert_eq!(html_display_text("<p>A <b>bold</b>&nbsp;move &amp; <script>x()</script>more</p>", 100), "A bold move & more");
/// ```
pub fn html_display_text(html: &str, max: usize) -> String {
    display_text(&html_to_text(html), max)
}

/// A short field (author, keyword, category): whitespace collapsed and capped.
pub fn short_text(text: &str) -> String {
    cap(collapse_whitespace(text), MAX_SHORT)
}

fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&decode_entities(&rest[..lt]));
        let after = &rest[lt..];
        // Drop script and style bodies entirely; other tags become a space.
        let lower = after.get(..8).unwrap_or(after).to_ascii_lowercase();
        let skip_to = if lower.starts_with("<script") {
            find_ci(after, "</script>").map(|i| i + 9)
        } else if lower.starts_with("<style") {
            find_ci(after, "</style>").map(|i| i + 8)
        } else {
            after.find('>').map(|i| i + 1)
        };
        out.push(' ');
        match skip_to {
            Some(i) => rest = &after[i..],
            None => {
                rest = "";
                break;
            }
        }
    }
    out.push_str(&decode_entities(rest));
    out
}

/// Case-insensitive search for an ASCII `needle`, scanning only as far as the match, so that
/// skipping many tags stays linear in the input.
fn find_ci(haystack: &str, needle: &str) -> Option<usize> {
    haystack.as_bytes().windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        // Entity names are short: looking further would make "&&&…" quadratic.
        let decoded = after
            .as_bytes()
            .iter()
            .take(11)
            .position(|&b| b == b';')
            .and_then(|semi| entity(&after[..semi]).map(|c| (c, semi)));
        match decoded {
            Some((c, semi)) => {
                out.push(c);
                rest = &after[semi + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character an HTML entity name (`amp`, `#946`, `#x3B2`) stands for, for the common ones.
pub(crate) fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| *c != '\0');
    }
    Some(match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "quot" => '"',
        "apos" | "#39" => '\'',
        "nbsp" => ' ',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        _ => return None,
    })
}

/// Replaces common LaTeX commands and math markup with Unicode; unknown commands stay as written.
///
/// ```
/// use papersift_domain::feed::clean::latex_to_unicode;
/// assert_eq!(latex_to_unicode(r"$\mathcal{O}(n \log n)$ and 95\% on $\mathbb{R}^d$"), "O(n log n) and 95% on ℝᵈ");
/// assert_eq!(latex_to_unicode(r"\operatorname{<img src=x>}"), "<img src=x>");
/// ```
pub fn latex_to_unicode(text: &str) -> String {
    if !has_latex(text) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut state = State { chars: text.chars().peekable(), math: false };
    state.convert(&mut out, false, 0);
    out
}

/// The input being converted, and whether it is inside `$…$` (where `^` and `_` are scripts).
struct State<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
    math: bool,
}

/// Nesting cap for braces, so hostile input cannot recurse without bound.
const MAX_NESTING: usize = 32;

impl State<'_> {
    /// Converts until the end, or until the closing brace of a group when `in_group`.
    fn convert(&mut self, out: &mut String, in_group: bool, depth: usize) {
        while let Some(c) = self.chars.next() {
            match c {
                '}' if in_group => return,
                '$' => self.math = !self.math,
                '\\' => self.command(out, depth),
                // Outside math, braces are text ("H^{2}SD" stays as written).
                '{' if self.math && depth < MAX_NESTING => self.convert(out, true, depth + 1),
                '^' | '_' if self.math && self.chars.peek().is_some_and(|n| !n.is_whitespace()) => {
                    let mut arg = String::new();
                    self.argument(&mut arg, depth);
                    let map = if c == '^' { superscript } else { subscript };
                    match arg.chars().map(map).collect::<Option<String>>() {
                        Some(script) => out.push_str(&script),
                        None => {
                            out.push(c);
                            out.push_str(&arg);
                        }
                    }
                }
                _ => out.push(c),
            }
        }
    }

    /// One argument: a braced group or a single character (or command).
    fn argument(&mut self, out: &mut String, depth: usize) {
        while self.chars.peek() == Some(&' ') {
            self.chars.next();
        }
        match self.chars.next() {
            Some('{') if depth < MAX_NESTING => self.convert(out, true, depth + 1),
            // A command as an argument (`\frac\frac…`) nests too: it counts against the cap.
            Some('\\') if depth < MAX_NESTING => self.command(out, depth + 1),
            Some(c) => out.push(c),
            None => {}
        }
    }

    fn command(&mut self, out: &mut String, depth: usize) {
        let mut name = String::new();
        while let Some(&c) = self.chars.peek() {
            if !c.is_ascii_alphabetic() {
                break;
            }
            name.push(c);
            self.chars.next();
        }
        if name.is_empty() {
            match self.chars.next() {
                Some(c @ ('%' | '&' | '$' | '_' | '#' | '{' | '}')) => out.push(c),
                Some(',' | ';' | ' ' | ':' | '\\') => out.push(' '),
                Some('!') => {}
                Some(c) => {
                    out.push('\\');
                    out.push(c);
                }
                None => out.push('\\'),
            }
            return;
        }
        if let Some(symbol) = symbol(&name) {
            out.push_str(symbol);
            return;
        }
        match name.as_str() {
            "mathbb" => {
                let mut arg = String::new();
                self.argument(&mut arg, depth);
                out.extend(arg.chars().map(double_struck));
            }
            "mathcal" | "mathbf" | "mathrm" | "mathit" | "mathsf" | "mathtt" | "mathscr" | "mathfrak"
            | "boldsymbol" | "bm" | "text" | "textbf" | "textit" | "textrm" | "texttt" | "textsc"
            | "emph" | "operatorname" | "mbox" | "hat" | "bar" | "tilde" | "vec" | "widehat" | "overline"
            | "underline" => self.argument(out, depth),
            "frac" => {
                let (mut num, mut den) = (String::new(), String::new());
                self.argument(&mut num, depth);
                self.argument(&mut den, depth);
                out.push_str(&format!("{num}/{den}"));
            }
            "sqrt" => {
                out.push('√');
                self.argument(out, depth);
            }
            "left" | "right" | "big" | "Big" | "bigg" | "Bigg" | "displaystyle" | "limits" => {}
            _ => {
                out.push('\\');
                out.push_str(&name);
            }
        }
    }
}

fn symbol(name: &str) -> Option<&'static str> {
    Some(match name {
        "alpha" => "α",
        "beta" => "β",
        "gamma" => "γ",
        "delta" => "δ",
        "epsilon" | "varepsilon" => "ε",
        "zeta" => "ζ",
        "eta" => "η",
        "theta" | "vartheta" => "θ",
        "iota" => "ι",
        "kappa" => "κ",
        "lambda" => "λ",
        "mu" => "μ",
        "nu" => "ν",
        "xi" => "ξ",
        "pi" => "π",
        "rho" => "ρ",
        "sigma" => "σ",
        "tau" => "τ",
        "upsilon" => "υ",
        "phi" | "varphi" => "φ",
        "chi" => "χ",
        "psi" => "ψ",
        "omega" => "ω",
        "Gamma" => "Γ",
        "Delta" => "Δ",
        "Theta" => "Θ",
        "Lambda" => "Λ",
        "Xi" => "Ξ",
        "Pi" => "Π",
        "Sigma" => "Σ",
        "Phi" => "Φ",
        "Psi" => "Ψ",
        "Omega" => "Ω",
        "times" => "×",
        "cdot" => "·",
        "pm" => "±",
        "mp" => "∓",
        "leq" | "le" => "≤",
        "geq" | "ge" => "≥",
        "neq" | "ne" => "≠",
        "approx" => "≈",
        "sim" => "∼",
        "simeq" => "≃",
        "equiv" => "≡",
        "propto" => "∝",
        "infty" => "∞",
        "partial" => "∂",
        "nabla" => "∇",
        "sum" => "∑",
        "prod" => "∏",
        "int" => "∫",
        "in" => "∈",
        "notin" => "∉",
        "subset" => "⊂",
        "subseteq" => "⊆",
        "cup" => "∪",
        "cap" => "∩",
        "emptyset" => "∅",
        "forall" => "∀",
        "exists" => "∃",
        "neg" => "¬",
        "wedge" | "land" => "∧",
        "vee" | "lor" => "∨",
        "to" | "rightarrow" => "→",
        "leftarrow" => "←",
        "Rightarrow" => "⇒",
        "Leftarrow" => "⇐",
        "leftrightarrow" => "↔",
        "mapsto" => "↦",
        "ldots" | "dots" | "cdots" => "…",
        "circ" => "∘",
        "ell" => "ℓ",
        "log" => "log",
        "exp" => "exp",
        "max" => "max",
        "min" => "min",
        "sin" => "sin",
        "cos" => "cos",
        "arg" => "arg",
        "det" => "det",
        "dim" => "dim",
        "lim" => "lim",
        "langle" => "⟨",
        "rangle" => "⟩",
        "lceil" => "⌈",
        "rceil" => "⌉",
        "lfloor" => "⌊",
        "rfloor" => "⌋",
        "quad" | "qquad" => " ",
        "ast" => "∗",
        "star" => "⋆",
        "dagger" => "†",
        "checkmark" => "✓",
        "textasciitilde" => "~",
        "degree" => "°",
        "S" => "§",
        "AA" => "Å",
        _ => return None,
    })
}

fn superscript(c: char) -> Option<char> {
    Some(match c {
        '0' => '⁰',
        '1' => '¹',
        '2' => '²',
        '3' => '³',
        '4' => '⁴',
        '5' => '⁵',
        '6' => '⁶',
        '7' => '⁷',
        '8' => '⁸',
        '9' => '⁹',
        '+' => '⁺',
        '-' => '⁻',
        '=' => '⁼',
        '(' => '⁽',
        ')' => '⁾',
        'n' => 'ⁿ',
        'i' => 'ⁱ',
        'd' => 'ᵈ',
        'k' => 'ᵏ',
        'T' => 'ᵀ',
        't' => 'ᵗ',
        'a' => 'ᵃ',
        'b' => 'ᵇ',
        'c' => 'ᶜ',
        'e' => 'ᵉ',
        'm' => 'ᵐ',
        'p' => 'ᵖ',
        'x' => 'ˣ',
        '*' | '∗' => '*',
        '′' => '′',
        '†' => '†',
        _ => return None,
    })
}

fn subscript(c: char) -> Option<char> {
    Some(match c {
        '0' => '₀',
        '1' => '₁',
        '2' => '₂',
        '3' => '₃',
        '4' => '₄',
        '5' => '₅',
        '6' => '₆',
        '7' => '₇',
        '8' => '₈',
        '9' => '₉',
        '+' => '₊',
        '-' => '₋',
        '=' => '₌',
        '(' => '₍',
        ')' => '₎',
        'a' => 'ₐ',
        'e' => 'ₑ',
        'o' => 'ₒ',
        'x' => 'ₓ',
        'h' => 'ₕ',
        'k' => 'ₖ',
        'l' => 'ₗ',
        'm' => 'ₘ',
        'n' => 'ₙ',
        'p' => 'ₚ',
        's' => 'ₛ',
        't' => 'ₜ',
        'i' => 'ᵢ',
        'j' => 'ⱼ',
        'r' => 'ᵣ',
        'u' => 'ᵤ',
        'v' => 'ᵥ',
        _ => return None,
    })
}

fn double_struck(c: char) -> char {
    match c {
        'R' => 'ℝ',
        'N' => 'ℕ',
        'Z' => 'ℤ',
        'Q' => 'ℚ',
        'C' => 'ℂ',
        'E' => '𝔼',
        'P' => 'ℙ',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latex_reads_naturally() {
        assert_eq!(latex_to_unicode(r"$\beta$-DPO"), "β-DPO");
        assert_eq!(latex_to_unicode(r"$x_{t+1} = x_t^2$"), "xₜ₊₁ = xₜ²");
        assert_eq!(latex_to_unicode(r"$\frac{1}{2}$"), "1/2");
        assert_eq!(latex_to_unicode(r"$W^{Q}$"), "W^Q");
        // Outside $…$, ^ and _ are plain characters.
        assert_eq!(latex_to_unicode(r"file_name and 2^10 and $2^10$"), "file_name and 2^10 and 2¹0");
        assert_eq!(latex_to_unicode(r"\unknown{x}"), r"\unknown{x}");
        assert_eq!(latex_to_unicode("trailing \\"), "trailing \\");
    }

    #[test]
    fn hostile_markup_stays_text_and_nesting_is_bounded() {
        let hostile = r"\operatorname{<img src=x onerror=alert(1)>}";
        assert_eq!(display_text(hostile, 100), "<img src=x onerror=alert(1)>");
        // Regression: arguments that are commands nested without bound and overflowed the stack.
        let _ = latex_to_unicode(&"$\\frac".repeat(100_000));
        let _ = latex_to_unicode(&"\\sqrt".repeat(100_000));
        let deep = format!("${}", "{".repeat(100_000));
        assert!(latex_to_unicode(&deep).chars().count() == 100_000 - MAX_NESTING);
        assert_eq!(html_display_text("a <b unclosed", 10), "a");
    }

    #[test]
    fn caps_cut_at_character_boundaries() {
        assert_eq!(cap("ééé".into(), 2), "éé…");
        assert_eq!(cap("abc".into(), 3), "abc");
    }
}
