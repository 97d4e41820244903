// The load step: model files (JSON AST) → one validated Model. Reads every file, reports every
// problem of every file, and throws a CodegenError before anything downstream runs.

import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { CodegenError, type Diagnostic } from "../diagnostics.js";
import type { Model, SourceRef } from "../model/model.js";
import { assembleModel } from "./assemble.js";
import { JsonSyntaxError, lineColumnAt, parseJsonWithPositions } from "./json-with-positions.js";
import { readAstDocument, type AstDocument } from "./read-ast.js";
import { validateModel } from "./validate.js";

export interface ModelSource {
  /** The path shown in messages (as the user gave it). */
  readonly file: string;
  readonly text: string;
}

export const MODEL_EXTENSIONS = [".json"];

/** Loads model files; a folder stands for every model file under it, in name order. */
export async function loadModelFiles(paths: readonly string[]): Promise<Model> {
  const files = await expandModelPaths(paths);
  const sources = await Promise.all(files.map(async (file) => {
    try {
      return { file, text: await readFile(file, "utf8") };
    } catch (e) {
      throw new CodegenError([{ file, message: `cannot read the model file: ${(e as Error).message}` }]);
    }
  }));
  return loadModel(sources);
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

export function loadModel(sources: readonly ModelSource[]): Model {
  const problems: Diagnostic[] = [];
  const documents: AstDocument[] = [];
  for (const source of sources) {
    const doc = readDocument(source, problems);
    if (doc !== undefined) documents.push(doc);
  }
  if (problems.length > 0) throw new CodegenError(problems);
  const model = assembleModel(documents, problems);
  if (problems.length > 0) throw new CodegenError(problems);
  validateModel(model, problems);
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
    problems.push({ file, ...where, message: `invalid JSON: ${e.message}` });
    return undefined;
  }
  const locate = (node: object | undefined, key?: string): SourceRef => {
    const offset = node === undefined ? undefined : parsed.offsetOf(node, key) ?? parsed.offsetOf(node);
    return offset === undefined ? { file } : { file, ...parsed.lineColumn(offset) };
  };
  return readAstDocument(parsed.value, file, locate, problems);
}
