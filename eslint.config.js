// ESLint flat config. Beyond the usual checks, the layer rules of docs/architecture.md live
// here, so that an editor flags an upward import or a nondeterministic call as it is typed.
// test/architecture.test.ts enforces the same rule in `npm test`, precisely (resolved paths).
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const UI_PACKAGES = [
  {
    group: ["react", "react/*", "react-dom", "react-dom/*"],
    message: "React belongs in src/views.",
  },
  { group: ["zustand", "zustand/*"], message: "zustand belongs in src/store." },
  { group: ["d3", "d3-*"], message: "d3 belongs in src/views." },
];

// Any relative path that climbs into another layer's folder.
const intoLayers = (...layers) => ({
  regex: `^(\\.\\./)+(${layers.join("|")})(/|$)`,
  message: "Imports point down only: views -> store -> scenario -> engine (docs/architecture.md).",
});

const NODE_BUILTINS = {
  group: ["node:*"],
  message: "This layer runs in the browser; only src/cli uses Node modules.",
};

const noOnlyTests = ["describe", "it", "test"].map((object) => ({
  object,
  property: "only",
  message: "A focused test silently skips the rest of the suite.",
}));

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "test-results/", "coverage/", "bench/results/"] },

  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "@typescript-eslint/consistent-type-imports": [
        "error",
        { prefer: "type-imports", fixStyle: "inline-type-imports" },
      ],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
      // A new Command or Event variant must not be silently ignored by a switch.
      "@typescript-eslint/switch-exhaustiveness-check": [
        "error",
        { considerDefaultExhaustiveForUnions: true },
      ],
      "no-console": ["error", { allow: ["warn", "error"] }],
      "no-restricted-properties": ["error", ...noOnlyTests],
    },
  },

  // Plain JavaScript (configs, scripts, the e2e runner): no type information for these files.
  {
    files: ["**/*.{js,mjs,cjs}"],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { ...globals.node },
    },
    rules: {
      ...tseslint.configs.disableTypeChecked.rules,
      "@typescript-eslint/consistent-type-imports": "off",
    },
  },
  {
    files: ["test/e2e/**/*.mjs"],
    // page.evaluate() callbacks run in the browser.
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { ...globals.node, ...globals.browser },
    },
  },

  // Node programs talk on the console.
  {
    files: ["src/cli/**", "bench/**", "scripts/**", "test/**"],
    rules: { "no-console": "off" },
  },

  // Browser code.
  {
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/cli/**", "src/engine/**"],
    languageOptions: { globals: { ...globals.browser } },
  },

  // Views: the rules of hooks (and the React Compiler's checks that come with them).
  {
    files: ["src/views/**/*.{ts,tsx}"],
    ...reactHooks.configs.flat.recommended,
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },

  // The engine: deterministic, host-free, importing nothing above it.
  {
    files: ["src/engine/**/*.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        ...[
          "setTimeout",
          "setInterval",
          "setImmediate",
          "clearTimeout",
          "clearInterval",
          "queueMicrotask",
          "requestAnimationFrame",
          "performance",
          "crypto",
          "fetch",
          "localStorage",
          "sessionStorage",
          "navigator",
          "window",
          "document",
        ].map((name) => ({
          name,
          message: "The engine runs on virtual time and seeded randomness, with no host APIs.",
        })),
      ],
      "no-restricted-properties": [
        "error",
        ...noOnlyTests,
        {
          object: "Math",
          property: "random",
          message: "Use the seeded PRNG in the state (random.ts), so a run replays exactly.",
        },
        {
          object: "Date",
          property: "now",
          message: "Use the simulation's virtual clock; wall time breaks replay.",
        },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "NewExpression[callee.name='Date'], CallExpression[callee.name='Date']",
          message: "Use the simulation's virtual clock; wall time breaks replay.",
        },
      ],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            ...UI_PACKAGES,
            NODE_BUILTINS,
            intoLayers("scenario", "store", "views", "cli", "main"),
          ],
        },
      ],
    },
  },

  // Scenario: data and pure functions over it; no UI, no store.
  {
    files: ["src/scenario/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [...UI_PACKAGES, NODE_BUILTINS, intoLayers("store", "views", "cli", "main")] },
      ],
    },
  },

  // Store: below the views.
  {
    files: ["src/store/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [NODE_BUILTINS, intoLayers("views", "cli", "main")] },
      ],
    },
  },

  // Views: only the store's public face.
  {
    files: ["src/views/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            NODE_BUILTINS,
            { group: ["d3"], message: "Import d3 submodules (d3-scale, d3-shape, ...)." },
            intoLayers("engine", "scenario", "cli", "main"),
          ],
        },
      ],
    },
  },

  // CLI: runs scenarios headless; never the store or the views.
  {
    files: ["src/cli/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [...UI_PACKAGES, intoLayers("store", "views", "main")] },
      ],
    },
  },
);
