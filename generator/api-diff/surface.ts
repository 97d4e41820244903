// The public API of a generated package as plain data, read with ts-morph from what src/index.ts
// exports: every exported type, value and namespace member, with the members, union variants
// and enum values a downstream program can depend on. Types are kept as type texts, written as
// they refer to the package's own names; whether two texts mean the same type is asked of the
// type checker (see probes.ts).

import type { ClassDeclaration, ExportedDeclarations, Node as MorphNode, ParameterDeclaration, SourceFile, TypeParameterDeclaration } from "ts-morph";

/** Types and values live in separate TypeScript namespaces; an enum is both a const and a type. */
export type Space = "type" | "value";

export type ExportKind = "interface" | "type" | "class" | "enum" | "const" | "function";

export interface ApiMember {
  readonly name: string;
  readonly optional: boolean;
  /** The declared type (for an enum entry: its value). */
  readonly type: string;
  readonly static: boolean;
}

export interface ApiExport {
  /** Qualified by its namespaces: `Content.TextMember`. */
  readonly name: string;
  readonly space: Space;
  readonly kind: ExportKind;
  /** Names of the type parameters (`T` of `Visitor<T>`). */
  readonly typeParameters: readonly string[];
  /** Properties of an interface or class, entries of an enum object. */
  readonly members: ReadonlyMap<string, ApiMember>;
  /** The type on the right of a type alias; a function's or const's type. */
  readonly text: string;
  /** The variants of a type alias that is a union. */
  readonly union?: readonly string[] | undefined;
  /** `extends` of a class. */
  readonly base?: string | undefined;
  /** A class's constructor as a function type: `(message: string) => void`. */
  readonly constructorType?: string | undefined;
}

export type ApiSurface = ReadonlyMap<string, ApiExport>;

export const surfaceKey = (space: Space, name: string) => `${space}:${name}`;

/** Collapses whitespace (and a union's leading `|`) so a reformatted type reads the same. */
export function normalizeType(text: string): string {
  // `__HttpResponse` is a generated file's alias of @smithy/types' `HttpResponse`, which the runtime names as is.
  return text.replace(/\b__(?=[A-Za-z])/g, "").replace(/\s+/g, " ").replace(/^\| /, "").replace(/;$/, "").trim();
}

type Morph = typeof import("ts-morph");

/** Reads the exports of one package's src/index.ts (already in a ts-morph project). */
export function readSurface(morph: Morph, index: SourceFile): ApiSurface {
  const surface = new Map<string, ApiExport>();
  const add = (e: ApiExport) => surface.set(surfaceKey(e.space, e.name), e);
  const visit = (name: string, declarations: readonly ExportedDeclarations[]) => {
    for (const decl of declarations) readDeclaration(morph, name, decl, add, visit);
  };
  for (const [name, declarations] of index.getExportedDeclarations()) visit(name, declarations);
  return surface;
}

function readDeclaration(
  { Node, SyntaxKind }: Morph,
  name: string,
  decl: ExportedDeclarations,
  add: (e: ApiExport) => void,
  visit: (name: string, declarations: readonly ExportedDeclarations[]) => void,
): void {
  const typeOf = (node: MorphNode & { getTypeNode(): MorphNode | undefined }) => normalizeType(node.getTypeNode()?.getText() ?? node.getType().getText(node));
  const params = (list: readonly TypeParameterDeclaration[]) => list.map((p) => p.getName());
  if (Node.isInterfaceDeclaration(decl)) {
    const members = new Map<string, ApiMember>();
    // The members of the interfaces it extends (a runtime one, say) too: the base's first, so its own win.
    const chain = [...decl.getBaseDeclarations().filter((b) => Node.isInterfaceDeclaration(b)), decl];
    for (const i of chain) {
      for (const p of i.getProperties()) members.set(p.getName(), { name: p.getName(), optional: p.hasQuestionToken(), type: typeOf(p), static: false });
      for (const m of i.getMethods()) {
        const type = normalizeType(`${generics(params(m.getTypeParameters()))}(${signature(m.getParameters())}) => ${m.getReturnTypeNode()?.getText() ?? "void"}`);
        members.set(m.getName(), { name: m.getName(), optional: m.hasQuestionToken(), type, static: false });
      }
    }
    add({ name, space: "type", kind: "interface", typeParameters: params(decl.getTypeParameters()), members, text: "" });
  } else if (Node.isTypeAliasDeclaration(decl)) {
    const node = decl.getTypeNodeOrThrow();
    const union = Node.isUnionTypeNode(node) ? node.getTypeNodes().map((t) => normalizeType(t.getText())) : undefined;
    add({ name, space: "type", kind: "type", typeParameters: params(decl.getTypeParameters()), members: new Map(), text: normalizeType(node.getText()), union });
  } else if (Node.isClassDeclaration(decl)) {
    // A class's API is its own members and those it inherits (a base in the package's runtime,
    // say): the base's first, so the class's own declarations win.
    const chain: ClassDeclaration[] = [];
    for (let c: ClassDeclaration | undefined = decl; c !== undefined; c = c.getBaseClass()) chain.unshift(c);
    const members = new Map<string, ApiMember>();
    for (const c of chain) {
      for (const p of c.getProperties()) {
        if (p.getScope() !== "public" || p.getName().startsWith("#")) continue;
        const key = p.isStatic() ? `static ${p.getName()}` : p.getName();
        members.set(key, { name: p.getName(), optional: p.hasQuestionToken(), type: typeOf(p), static: p.isStatic() });
      }
      for (const m of c.getMethods()) {
        if (m.getScope() !== "public" || m.getName().startsWith("#")) continue;
        const key = m.isStatic() ? `static ${m.getName()}` : m.getName();
        members.set(key, { name: m.getName(), optional: m.hasQuestionToken(), type: normalizeType(m.getType().getText(m)), static: m.isStatic() });
      }
      for (const p of c.getConstructors()[0]?.getParameters() ?? []) {
        if (!p.isParameterProperty() || (p.getScope() ?? "public") !== "public") continue;
        members.set(p.getName(), { name: p.getName(), optional: p.hasQuestionToken(), type: typeOf(p), static: false });
      }
    }
    // The constructor is the nearest one declared up the chain.
    const ctor = chain.reverse().find((c) => c.getConstructors().length > 0)?.getConstructors()[0];
    add({
      name, space: "type", kind: "class", typeParameters: params(decl.getTypeParameters()), members, text: "",
      base: decl.getExtends()?.getText(),
      constructorType: normalizeType(`(${signature(ctor?.getParameters() ?? [])}) => void`),
    });
  } else if (Node.isVariableDeclaration(decl)) {
    const init = decl.getInitializer();
    const object = Node.isAsExpression(init) && init.getTypeNode()?.getText() === "const" ? init.getExpression() : undefined;
    if (object !== undefined && Node.isObjectLiteralExpression(object)) {
      const members = new Map<string, ApiMember>();
      for (const p of object.getProperties()) {
        if (!Node.isPropertyAssignment(p)) continue;
        const key = p.getNameNode().getKind() === SyntaxKind.StringLiteral ? (JSON.parse(p.getName()) as string) : p.getName();
        members.set(key, { name: key, optional: false, type: normalizeType(p.getInitializerOrThrow().getText()), static: false });
      }
      add({ name, space: "value", kind: "enum", typeParameters: [], members, text: "" });
    } else {
      add({ name, space: "value", kind: "const", typeParameters: [], members: new Map(), text: typeOf(decl) });
    }
  } else if (Node.isFunctionDeclaration(decl)) {
    const returns = decl.getReturnTypeNode()?.getText() ?? decl.getReturnType().getText(decl);
    const text = `${generics(decl.getTypeParameters().map((p) => p.getText()))}(${signature(decl.getParameters())}) => ${returns}`;
    add({ name, space: "value", kind: "function", typeParameters: [], members: new Map(), text: normalizeType(text) });
  } else if (Node.isModuleDeclaration(decl)) {
    for (const [inner, declarations] of decl.getExportedDeclarations()) visit(`${name}.${inner}`, declarations);
  }
}

/** Parameters as they read in a function type: `a: string, b?: number, ...rest: X[]`. */
function signature(parameters: readonly ParameterDeclaration[]): string {
  return parameters.map((p) => {
    const type = p.getTypeNode()?.getText() ?? p.getType().getText(p);
    return `${p.isRestParameter() ? "..." : ""}${p.getName()}${p.hasQuestionToken() || p.hasInitializer() ? "?" : ""}: ${type}`;
  }).join(", ");
}

const generics = (names: readonly string[]) => (names.length === 0 ? "" : `<${names.join(", ")}>`);
