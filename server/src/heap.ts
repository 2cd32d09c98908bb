/**
 * The Node flags the VS Code extension starts the language server with (client/src/extension.ts
 * repeats them; test/lsp/heap.test.ts checks both agree and that a document of the largest size
 * checked still analyses under them). Small young-generation semi-spaces keep the server's
 * resident memory near 100 MB after long editing of a 1 MB document instead of 160–180 MB.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=1', '--max-old-space-size=256'];
