//! Bounds a GraphQL document must keep before and after it is parsed.
//!
//! async-graphql's parser (a pest grammar) descends once per level of `{`, `[` and `(`: a list
//! value nested a few hundred levels deep overflows the stack of the thread that parses it and
//! aborts the whole process, before any of the schema's depth limits runs. [`check_text`]
//! therefore scans the text first, with a lexer that knows strings, block strings and comments,
//! and refuses a document nested deeper than [`MAX_NESTING`]. [`check_document`] then bounds
//! what costs the server most per byte of a parsed document: aliases and introspection.

use async_graphql::parser::types::{ExecutableDocument, Selection, SelectionSet};

/// How deeply `{ }`, `[ ]` and `( )` may nest in a document. The schema's own depth limit
/// ([`crate::MAX_DEPTH`]) allows 12 levels of fields; arguments, input objects and lists add a
/// few more on the way. 40 keeps the parser's recursion far from any thread's stack.
pub const MAX_NESTING: usize = 40;
/// How many fields of a document may carry an alias: each alias repeats a field's whole work.
pub const MAX_ALIASES: usize = 30;
/// How many introspection fields (`__schema`, `__type`) a document may ask for: one answer of
/// `__schema` is the whole schema.
pub const MAX_INTROSPECTION_FIELDS: usize = 2;

/// What one `searchServices` costs before its results count: a full-text search over every
/// community of the oblast, so a document holds at most eight of them
/// ([`crate::MAX_COMPLEXITY`] 2,000 / 250).
pub const SEARCH_COST: usize = 250;

/// Why a document is refused before it runs.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LimitError {
    #[error("query: nested more than {MAX_NESTING} levels deep")]
    TooDeep,
    #[error("query: more than {MAX_ALIASES} aliased fields")]
    TooManyAliases,
    #[error("query: more than {MAX_INTROSPECTION_FIELDS} introspection fields")]
    TooMuchIntrospection,
}

impl LimitError {
    /// The message in Ukrainian.
    pub fn message_uk(&self) -> String {
        match self {
            LimitError::TooDeep => {
                format!("query: вкладеність документа більша за {MAX_NESTING} рівнів")
            }
            LimitError::TooManyAliases => {
                format!("query: більше ніж {MAX_ALIASES} полів із псевдонімами")
            }
            LimitError::TooMuchIntrospection => {
                format!("query: більше ніж {MAX_INTROSPECTION_FIELDS} полів інтроспекції")
            }
        }
    }
}

/// Refuses a document text nested deeper than [`MAX_NESTING`], without parsing it. Brackets
/// inside strings, block strings and comments do not count; an unbalanced document is left to
/// the parser, which reports it.
pub fn check_text(text: &str) -> Result<(), LimitError> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' && bytes[i] != b'\r' {
                    i += 1;
                }
            }
            b'"' if bytes[i..].starts_with(b"\"\"\"") => {
                i += 3;
                while i < bytes.len() && !bytes[i..].starts_with(b"\"\"\"") {
                    // `\"""` is an escaped triple quote inside a block string.
                    i += if bytes[i..].starts_with(b"\\\"\"\"") {
                        4
                    } else {
                        1
                    };
                }
                i += 2;
            }
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' && bytes[i] != b'\n' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'{' | b'[' | b'(' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Err(LimitError::TooDeep);
                }
            }
            b'}' | b']' | b')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    Ok(())
}

/// Refuses a parsed document with more than [`MAX_ALIASES`] aliases or more than
/// [`MAX_INTROSPECTION_FIELDS`] introspection fields, counted over its operations and
/// fragments as written (a fragment spread many times is what the complexity limit counts).
pub fn check_document(document: &ExecutableDocument) -> Result<(), LimitError> {
    let mut count = Count::default();
    for (_, operation) in document.operations.iter() {
        count.selection_set(&operation.node.selection_set.node)?;
    }
    for fragment in document.fragments.values() {
        count.selection_set(&fragment.node.selection_set.node)?;
    }
    Ok(())
}

#[derive(Default)]
struct Count {
    aliases: usize,
    introspection: usize,
}

impl Count {
    fn selection_set(&mut self, set: &SelectionSet) -> Result<(), LimitError> {
        for item in &set.items {
            match &item.node {
                Selection::Field(field) => {
                    let field = &field.node;
                    if field.alias.is_some() {
                        self.aliases += 1;
                        if self.aliases > MAX_ALIASES {
                            return Err(LimitError::TooManyAliases);
                        }
                    }
                    if matches!(field.name.node.as_str(), "__schema" | "__type") {
                        self.introspection += 1;
                        if self.introspection > MAX_INTROSPECTION_FIELDS {
                            return Err(LimitError::TooMuchIntrospection);
                        }
                    }
                    self.selection_set(&field.selection_set.node)?;
                }
                Selection::InlineFragment(fragment) => {
                    self.selection_set(&fragment.node.selection_set.node)?;
                }
                Selection::FragmentSpread(_) => {}
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(depth: usize, open: &str, close: &str) -> String {
        format!(
            "{{ searchServices(query: \"x\", first: {}1{}) {{ totalCount }} }}",
            open.repeat(depth),
            close.repeat(depth)
        )
    }

    #[test]
    fn deep_lists_objects_and_selections_are_refused_before_parsing() {
        assert_eq!(check_text(&nested(500, "[", "]")), Err(LimitError::TooDeep));
        assert_eq!(
            check_text(&nested(500, "{a: ", "}")),
            Err(LimitError::TooDeep)
        );
        let selections = format!("{}{}", "{ a ".repeat(200), "}".repeat(200));
        assert_eq!(check_text(&selections), Err(LimitError::TooDeep));
        // In a fragment, a directive argument and a variable default alike.
        for doc in [
            format!(
                "fragment f on Q {{ a(x: {}1{}) }}",
                "[".repeat(300),
                "]".repeat(300)
            ),
            format!(
                "{{ a @include(if: {}true{}) }}",
                "[".repeat(300),
                "]".repeat(300)
            ),
            format!(
                "query($v: [[Int]] = {}1{}) {{ a }}",
                "[".repeat(300),
                "]".repeat(300)
            ),
        ] {
            assert_eq!(check_text(&doc), Err(LimitError::TooDeep), "{doc}");
        }
    }

    #[test]
    fn brackets_in_strings_and_comments_do_not_count() {
        let brackets = "[".repeat(1000);
        for doc in [
            format!("{{ a(x: \"{brackets}\") }}"),
            format!("{{ a(x: \"\"\"{brackets} \\\"\"\" {brackets}\"\"\") }}"),
            format!("# {brackets}\n{{ a }}"),
            format!("{{ a(x: \"\\\"{brackets}\") }}"),
        ] {
            assert_eq!(check_text(&doc), Ok(()), "{doc}");
        }
    }

    #[test]
    fn a_document_at_the_limit_parses_on_a_small_stack() {
        let doc = nested(MAX_NESTING - 3, "[", "]");
        assert_eq!(check_text(&doc), Ok(()));
        // Half of a worker thread's 2 MiB: the parser's recursion at the limit fits easily.
        let parsed = std::thread::Builder::new()
            .stack_size(1024 * 1024)
            .spawn(move || async_graphql::parser::parse_query(&doc).is_ok())
            .expect("thread starts")
            .join()
            .expect("no overflow");
        assert!(parsed);
    }

    #[test]
    fn aliases_and_introspection_are_counted() {
        let aliases = |n: usize| {
            let fields: String = (0..n).map(|i| format!("a{i}: __typename ")).collect();
            async_graphql::parser::parse_query(format!("{{ {fields} }}")).expect("parses")
        };
        assert_eq!(check_document(&aliases(MAX_ALIASES)), Ok(()));
        assert_eq!(
            check_document(&aliases(MAX_ALIASES + 1)),
            Err(LimitError::TooManyAliases)
        );
        let introspection = async_graphql::parser::parse_query(
            "{ __schema { queryType { name } } } fragment f on Query { __type(name: \"Q\") { name } __schema { types { name } } }",
        )
        .expect("parses");
        assert_eq!(
            check_document(&introspection),
            Err(LimitError::TooMuchIntrospection)
        );
    }
}
