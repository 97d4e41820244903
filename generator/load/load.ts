// The load step: model files (JSON AST or Smithy IDL) → one validated Model. Reads every file, reports every
// problem of every file, and throws a CodegenError before anything downstream runs.

import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { CodegenError, type Diagnostic } from "../diagnostics.js";
import { IdlSyntaxError, parseIdl } from "../idl/index.js";
import type { Model, ShapeType, SourceRef } from "../model/model.js";
import { assembleModel } from "./assemble.js";
import { JsonSyntaxError, lineColumnAt, parseJsonWithPositions, type JsonValue } from "./json-with-positions.js";
import { readAstDocument, type AstDocument } from "./read-ast.js";
import { validateModel } from "./validate.js";

export interface ModelSource {
  /** The path shown in messages (as the user gave it). */
  readonly file: string;
  readonly text: string;
}

export const MODEL_EXTENSIONS = [".json", ".smithy"];

export interface LoadOptions {
  /** An unknown trait is a warning (into `warnings`) instead of an error, as Smithy's --allow-unknown-traits. */
  readonly allowUnknownTraits?: boolean | undefined;
  /** Receives the warnings of the load. */
  readonly warnings?: Diagnostic[] | undefined;
  /**
   * Check that every reference resolves and every trait is valid (default). Off, the files are
   * only parsed and merged, references left as written: what `codegen ast` needs to print one
   * file of a model whose other files define what it `use`s.
   */
  readonly validate?: boolean;
}

/** Loads model files; a folder stands for every model file under it, in name order. */
export async function loadModelFiles(paths: readonly string[], options: LoadOptions = {}): Promise<Model> {
  const files = await expandModelPaths(paths);
  const sources = await Promise.all(files.map(async (file) => {
    try {
      return { file, text: await readFile(file, "utf8") };
    } catch (e) {
      throw new CodegenError([{ file, message: `cannot read the model file: ${(e as Error).message}` }]);
    }
  }));
  return loadModel(sources, options);
}

export async function expandModelPaths(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch {
      throw new CodegenError([{ file: path, message: "no such model file or folder" }]);
    }
    if (!info.isDirectory()) {
      out.push(path);
      continue;
    }
    const entries = (await readdir(path, { recursive: true })).sort();
    const models = entries.filter((e) => MODEL_EXTENSIONS.some((ext) => e.endsWith(ext))).map((e) => join(path, e));
    if (models.length === 0) throw new CodegenError([{ file: path, message: `no model files (${MODEL_EXTENSIONS.join(", ")}) in this folder` }]);
    out.push(...models);
  }
  return out;
}

export function loadModel(sources: readonly ModelSource[], options: LoadOptions = {}): Model {
  const validate = options.validate ?? true;
  const problems: Diagnostic[] = [];
  const documents: AstDocument[] = [];
  const knownShapes = sources.length > 1 ? shapesOfAllFiles(sources) : undefined;
  for (const source of sources) {
    const doc = source.file.endsWith(".smithy") ? readIdlDocument(source, knownShapes, problems) : readDocument(source, problems);
    if (doc !== undefined) documents.push(doc);
  }
  if (problems.length > 0) throw new CodegenError(problems);
  const model = assembleModel(documents, problems, validate);
  if (problems.length > 0) throw new CodegenError(problems);
  if (!validate) return model;
  validateModel(model, problems, options.allowUnknownTraits === true ? options.warnings ?? [] : undefined);
  if (problems.length > 0) throw new CodegenError(problems);
  return model;
}

function readDocument({ file, text }: ModelSource, problems: Diagnostic[]): AstDocument | undefined {
  if (!file.endsWith(".json")) {
    problems.push({ file, message: `unsupported model file type; expected ${MODEL_EXTENSIONS.join(" or ")}` });
    return undefined;
  }
  let parsed;
  try {
    parsed = parseJsonWithPositions(text);
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    const where = lineColumnAt(text, e.offset);
    // Name the shape when the problem is inside one (a duplicate member name, say).
    const shape = e.path[0] === "shapes" ? e.path[1] : undefined;
    const pointer = e.path.map((k) => `/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
    problems.push({ file, ...where, shape, message: `invalid JSON: ${e.message}${pointer === "" ? "" : ` (at ${pointer})`}` });
    return undefined;
  }
  const locate = (node: object | undefined, key?: string, _shapeId?: string, atValue?: boolean): SourceRef => {
    const value = atValue === true && node !== undefined && key !== undefined ? parsed.valueOffsetOf(node, key) : undefined;
    const offset = node === undefined ? undefined : value ?? parsed.offsetOf(node, key) ?? parsed.offsetOf(node);
    return offset === undefined ? { file } : { file, ...parsed.lineColumn(offset) };
  };
  return readAstDocument(parsed.value, locate, problems);
}

/** An IDL file goes through the same reader as a JSON AST file, with the parser's locations. */
function readIdlDocument(
  { file, text }: ModelSource,
  knownShapes: ReadonlyMap<string, ShapeType> | undefined,
  problems: Diagnostic[],
): AstDocument | undefined {
  let parsed;
  try {
    parsed = parseIdl(text, file, knownShapes === undefined ? undefined : { knownShapes });
  } catch (e) {
    if (!(e instanceof IdlSyntaxError)) throw e;
    problems.push({ file, line: e.line, column: e.column, sourceLine: e.sourceLine, message: e.message });
    return undefined;
  }
  const lines = text.split(/\r?\n/);
  const locate = (_node: object | undefined, key?: string, shapeId?: string): SourceRef => {
    if (shapeId === undefined) return { file };
    const at = (key === undefined ? undefined : parsed.locations.get(`${shapeId}$${key}`)) ?? parsed.locations.get(shapeId);
    return at === undefined ? { file } : { file, line: at.line, column: at.column, sourceLine: lines[at.line - 1] };
  };
  return readAstDocument(parsed.ast as unknown as JsonValue, locate, problems);
}

/**
 * The shape ids (and types) every file defines: an IDL file resolves a relative name to a shape
 * of its namespace defined in another file before the prelude, as Smithy does when loading a
 * model from several files. Files that fail to parse are reported later, when read for real.
 */
function shapesOfAllFiles(sources: readonly ModelSource[]): Map<string, ShapeType> {
  const known = new Map<string, ShapeType>();
  for (const { file, text } of sources) {
    let shapes: Record<string, { type?: unknown }> | undefined;
    try {
      shapes = file.endsWith(".smithy")
        ? (parseIdl(text, file, { collectOnly: true }).ast.shapes as Record<string, { type?: unknown }> | undefined)
        : (JSON.parse(text) as { shapes?: Record<string, { type?: unknown }> }).shapes;
    } catch {
      continue;
    }
    for (const [id, shape] of Object.entries(shapes ?? {})) {
      if (typeof shape?.type === "string" && shape.type !== "apply") known.set(id, shape.type as ShapeType);
    }
  }
  return known;
}
