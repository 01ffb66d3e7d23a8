//! Parsed GraphQL documents, kept by their text. Clients send the same few documents again and
//! again with different variables; parsing one (async-graphql's pest grammar) cost about 6 % of
//! a `searchServices` request's CPU, a copy of the parsed document far less. Validation still
//! runs on every request: it depends on the variables.
//!
//! A document is measured before it is parsed and after ([`hromada_graphql::limits`]): the
//! parser recurses once per nesting level, so a deeply nested document must never reach it.

use std::collections::HashMap;
use std::sync::RwLock;

use async_graphql::parser::types::{ExecutableDocument, OperationType};
use hromada_graphql::limits::{self, LimitError};
use hromada_tenants::Planning;

/// Documents longer than this are parsed each time (and not kept).
const MAX_QUERY_BYTES: usize = 16 * 1024;
/// When full, the cache starts over: a client sending ever new documents costs a parse each.
const MAX_ENTRIES: usize = 512;

/// What the transaction of a document needs to know before it begins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Kind {
    /// The document holds a mutation: its transaction may write.
    pub mutation: bool,
    /// How its statements should be planned ([`hromada_graphql::planning`]).
    pub planning: Planning,
}

impl Kind {
    fn of(document: &ExecutableDocument) -> Kind {
        Kind {
            mutation: document
                .operations
                .iter()
                .any(|(_, op)| op.node.ty == OperationType::Mutation),
            planning: hromada_graphql::planning(document),
        }
    }
}

/// Query text → its parsed document and its kind.
#[derive(Default)]
pub struct QueryCache {
    documents: RwLock<HashMap<String, (ExecutableDocument, Kind)>>,
}

impl QueryCache {
    /// Gives the request its parsed document, from the cache or parsed now, and tells its
    /// kind. A document that does not parse is left to async-graphql, which answers with the
    /// parse error (a query's kind: it cannot write). A document beyond the limits is refused
    /// and not kept.
    pub fn prepare(&self, request: &mut async_graphql::Request) -> Result<Kind, LimitError> {
        let cached = self
            .documents
            .read()
            .ok()
            .and_then(|documents| documents.get(&request.query).cloned());
        let (document, kind) = match cached {
            Some(found) => found,
            None => {
                limits::check_text(&request.query)?;
                match async_graphql::parser::parse_query(&request.query) {
                    Ok(document) => {
                        limits::check_document(&document)?;
                        let kind = Kind::of(&document);
                        self.remember(&request.query, &document, kind);
                        (document, kind)
                    }
                    Err(_) => return Ok(Kind::default()),
                }
            }
        };
        request.set_parsed_query(document);
        Ok(kind)
    }

    fn remember(&self, query: &str, document: &ExecutableDocument, kind: Kind) {
        if query.len() > MAX_QUERY_BYTES {
            return;
        }
        if let Ok(mut documents) = self.documents.write() {
            if documents.len() >= MAX_ENTRIES {
                documents.clear();
            }
            documents.insert(query.to_owned(), (document.clone(), kind));
        }
    }

    /// How many documents are kept.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.documents.read().map(|d| d.len()).unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_is_parsed_once_and_its_kind_is_told() {
        let cache = QueryCache::default();
        let mut query = async_graphql::Request::new("{ __typename }");
        assert_eq!(cache.prepare(&mut query), Ok(Kind::default()));
        assert_eq!(cache.len(), 1);
        let mut again = async_graphql::Request::new("{ __typename }");
        assert_eq!(cache.prepare(&mut again), Ok(Kind::default()));
        assert!(again.parsed_query().is_ok());
        assert_eq!(cache.len(), 1);
        let mutation = "mutation { logout }";
        let written = Kind {
            mutation: true,
            planning: Planning::Auto,
        };
        assert_eq!(
            cache.prepare(&mut async_graphql::Request::new(mutation)),
            Ok(written)
        );
        assert_eq!(
            cache.prepare(&mut async_graphql::Request::new(mutation)),
            Ok(written)
        );
        let search = "{ searchServices(query: \"x\") { edges { cursor } } }";
        let generic = Kind {
            mutation: false,
            planning: Planning::Generic,
        };
        assert_eq!(
            cache.prepare(&mut async_graphql::Request::new(search)),
            Ok(generic)
        );
        assert_eq!(
            cache.prepare(&mut async_graphql::Request::new(search)),
            Ok(generic)
        );
        assert_eq!(cache.len(), 3);
    }

    #[test]
    fn a_document_that_does_not_parse_is_not_kept() {
        let cache = QueryCache::default();
        let mut broken = async_graphql::Request::new("{ searchServices(");
        assert_eq!(cache.prepare(&mut broken), Ok(Kind::default()));
        assert_eq!(cache.len(), 0);
        assert!(broken.parsed_query().is_err());
    }

    #[test]
    fn the_cache_starts_over_when_full_and_skips_long_documents() {
        let cache = QueryCache::default();
        for i in 0..MAX_ENTRIES {
            let _ = cache.prepare(&mut async_graphql::Request::new(format!(
                "{{ a{i}: __typename }}"
            )));
        }
        assert_eq!(cache.len(), MAX_ENTRIES);
        let _ = cache.prepare(&mut async_graphql::Request::new("{ b: __typename }"));
        assert_eq!(cache.len(), 1);
        let long = format!("{{ __typename {} }}", " ".repeat(MAX_QUERY_BYTES));
        let _ = cache.prepare(&mut async_graphql::Request::new(long));
        assert_eq!(cache.len(), 1);
    }

    #[test]
    fn a_document_beyond_the_limits_is_refused_and_not_kept() {
        let cache = QueryCache::default();
        let deep = format!("{{ a(x: {}1{}) }}", "[".repeat(10_000), "]".repeat(10_000));
        let mut request = async_graphql::Request::new(deep);
        assert_eq!(cache.prepare(&mut request), Err(LimitError::TooDeep));
        let aliases: String = (0..1000).map(|i| format!("s{i}: __typename ")).collect();
        let mut request = async_graphql::Request::new(format!("{{ {aliases} }}"));
        assert_eq!(cache.prepare(&mut request), Err(LimitError::TooManyAliases));
        assert_eq!(cache.len(), 0);
    }
}
