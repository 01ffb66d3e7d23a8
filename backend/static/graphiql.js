// GraphiQL on this server's /graphql, with React and GraphiQL from the project's own npm
// packages (served under /assets/, never from a CDN).
//
// GraphiQL's own introspection query nests `ofType` seven levels under a field's argument
// type: 13 levels of fields, one more than the server allows (12). Its schema is read with
// the same query nested six levels instead, which still spells every type this schema has
// (at most `[[T!]!]!`), so the Docs pane and completion work within the limit.
(function () {
  "use strict";
  var typeRef = "kind name";
  for (var i = 0; i < 6; i++) {
    typeRef = "kind name ofType { " + typeRef + " }";
  }
  var inputValue = "name description type { " + typeRef + " } defaultValue";
  var introspection =
    "query IntrospectionQuery { __schema { " +
    "queryType { name } mutationType { name } subscriptionType { name } " +
    "types { ...FullType } " +
    "directives { name description locations args { " + inputValue + " } } } } " +
    "fragment FullType on __Type { kind name description " +
    "fields(includeDeprecated: true) { name description args { " + inputValue + " } " +
    "type { " + typeRef + " } isDeprecated deprecationReason } " +
    "inputFields { " + inputValue + " } " +
    "interfaces { " + typeRef + " } " +
    "enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason } " +
    "possibleTypes { " + typeRef + " } }";
  var http = GraphiQL.createFetcher({ url: "/graphql" });
  function fetcher(params, options) {
    if (params && params.operationName === "IntrospectionQuery") {
      return http({ query: introspection, operationName: "IntrospectionQuery" }, options);
    }
    return http(params, options);
  }
  var root = ReactDOM.createRoot(document.getElementById("graphiql"));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultEditorToolbarTabs: "variables",
    })
  );
})();
