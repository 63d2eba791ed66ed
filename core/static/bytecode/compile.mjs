// Run by `innerwork build` with Node: Pyodide's own Python compiles the site's Python files to bytecode,
// so that the browser imports them without compiling (the same interpreter, so the same bytecode format).
// Usage: node compile.mjs PYODIDE_DIR OUT_DIR COMPILE_PY
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideDir, outDir, compilePy] = process.argv.slice(2);
const index = path.resolve(pyodideDir) + path.sep;
const { loadPyodide } = await import(pathToFileURL(index + "pyodide.mjs").href);
const quiet = () => {};
const pyodide = await loadPyodide({ indexURL: index, stdout: console.log, stderr: console.error });
const lock = JSON.parse(fs.readFileSync(index + "pyodide-lock.json", "utf8"));
await pyodide.loadPackage(Object.keys(lock.packages), { messageCallback: quiet, errorCallback: console.error });
pyodide.FS.mkdirTree("/out");
pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: path.resolve(outDir) }, "/out");
await pyodide.runPythonAsync(fs.readFileSync(compilePy, "utf8"));
