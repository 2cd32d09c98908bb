// Bundled by scripts/build.mjs into server/dist/pdfjs.js (pdf.js and its worker, run in-process),
// loaded by formats/pdf.ts on the first PDF. Not compiled by tsc.
/* eslint-disable */
const quiet = { warn: console.warn, log: console.log };
// Node < 20.16 has no process.getBuiltinModule, which pdf.js uses for fs/url/module.
if (typeof process.getBuiltinModule !== 'function') process.getBuiltinModule = (id) => require(`node:${id}`);
let pdfjs;
let worker;
// pdf.js builds one DOMMatrix at load time (for rendering, which we never do) and warns that it
// cannot polyfill the canvas classes; a stand-in is present only while it loads.
class DOMMatrixStandIn {
  constructor() {
    Object.assign(this, { a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 });
  }
}
const standIn = !globalThis.DOMMatrix;
if (standIn) globalThis.DOMMatrix = DOMMatrixStandIn;
console.warn = console.log = () => {};
try {
  pdfjs = require('pdfjs-dist/legacy/build/pdf.mjs');
  worker = require('pdfjs-dist/legacy/build/pdf.worker.mjs');
} finally {
  console.warn = quiet.warn;
  console.log = quiet.log;
  if (standIn) delete globalThis.DOMMatrix;
}
// With the worker's handler on globalThis, pdf.js runs it in this thread instead of loading a worker file.
globalThis.pdfjsWorker = worker;
module.exports = { getDocument: pdfjs.getDocument, OPS: pdfjs.OPS, version: pdfjs.version };
