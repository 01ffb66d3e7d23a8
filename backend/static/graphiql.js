// GraphiQL on this server's /graphql, with React and GraphiQL from the project's own npm
// packages (served under /assets/, never from a CDN).
(function () {
  "use strict";
  var root = ReactDOM.createRoot(document.getElementById("graphiql"));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: GraphiQL.createFetcher({ url: "/graphql" }),
      defaultEditorToolbarTabs: "variables",
    })
  );
})();
