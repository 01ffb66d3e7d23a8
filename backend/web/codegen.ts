import type { CodegenConfig } from "@graphql-codegen/cli";

// Types come only from the server's own schema (graphql/schema.graphql, written by `hromada
// schema` and checked by a Rust test). `CODEGEN_OUT` lets the test run generate into a
// scratch directory and compare with what is committed.
const out = process.env.CODEGEN_OUT ?? "src/gql/";

const config: CodegenConfig = {
  schema: "../../graphql/schema.graphql",
  documents: ["src/**/*.tsx", "src/**/*.ts", "!src/gql/**/*"],
  ignoreNoDocuments: false,
  generates: {
    [out]: {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { JSON: "unknown", DateTime: "string", NaiveDate: "string", UUID: "string", Decimal: "string" },
      },
    },
  },
};

export default config;
