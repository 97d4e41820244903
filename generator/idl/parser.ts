// Recursive-descent parser for Smithy IDL 1.0 / 2.0 files producing the JSON AST.
//
// Shape IDs may refer forward to shapes defined later in the file, so every shape ID read from
// the source is recorded as a fix-up and resolved once the whole file is known (see `finish`).
// The same goes for trait IDs, elided member targets and `apply` statements.

import type {
  ApplyShape, EnumShape, JsonAstModel, ListShape, MapShape, MemberShape, NodeObject, NodeValue,
  OperationShape, ResourceShape, ServiceShape, Shape, ShapeReference, ShapeType, SimpleShapeType,
  StructureShape, Traits,
} from "./ast.js";
import { Lexer, Tok, tokenName } from "./lexer.js";
import { PRELUDE_LIST_TRAITS, PRELUDE_NAMES, PRELUDE_SCALAR_TRAITS } from "./prelude-names.js";

export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

export interface IdlParseOptions {
  /**
   * Absolute IDs (and types) of shapes defined in the model's other files. A relative name
   * defined there in this file's namespace wins over the prelude, and an omitted trait value
   * gets the default of the trait's type, as when all files are loaded together.
   */
  knownShapes?: ReadonlyMap<string, ShapeType>;
  /**
   * Only the shapes the file defines are wanted (the first pass over a model's files, which
   * gathers `knownShapes`): references that another file may define are not checked.
   */
  collectOnly?: boolean;
}

export interface IdlParseResult {
  ast: JsonAstModel;
  /** Shape ID (and `ShapeId$member`) -> where it was defined. */
  locations: Map<string, SourceLocation>;
}

const PRELUDE = "smithy.api";
const UNIT = "smithy.api#Unit";
const DOCUMENTATION = "smithy.api#documentation";
const ENUM_VALUE = "smithy.api#enumValue";
const NODE_VALUE = "one of STRING('\"'), TEXT_BLOCK('\"\"\"'), NUMBER, IDENTIFIER, LBRACE('{'), LBRACKET('[')";
const OBJECT_KEY = "one of RBRACE('}'), STRING('\"'), IDENTIFIER";
const SIMPLE_TYPES: ReadonlySet<string> = new Set([
  "blob", "boolean", "document", "string", "byte", "short", "integer", "long", "float", "double",
  "bigInteger", "bigDecimal", "timestamp",
]);

interface Pos {
  line: number;
  column: number;
}

/** A trait as written; `box[0]` holds the value, `box` is null when the value was omitted. */
interface PendingTrait extends Pos {
  id: string;
  box: NodeValue[] | null;
}

type DefinedShape = Exclude<Shape, ApplyShape>;

interface MemberDef extends Pos {
  name: string;
  node: MemberShape;
  traits: PendingTrait[];
  /** `$name` syntax: the target is filled in from the bound resource or a mixin. */
  elided: boolean;
  /**
   * Elided and named like a member of a mixin: it is that inherited member, so the JSON AST
   * leaves it out of the shape and writes its own traits as an `apply` (as Smithy serializes it).
   */
  inherited?: boolean;
}

interface ShapeDef extends Pos {
  id: string;
  name: string;
  shape: DefinedShape;
  traits: PendingTrait[];
  members: Map<string, MemberDef>;
  mixins: ShapeReference[];
  forResource?: ShapeReference;
}

interface ApplyDef extends Pos {
  target: string;
  traits: PendingTrait[];
}

type Slot = NodeValue[] | NodeObject;

/** A syntactic shape ID inside a node value: `slot[key]` gets the resolved ID. */
interface NodeFix extends Pos {
  slot: Slot;
  key: string | number;
  raw: string;
}

interface TargetFix {
  ref: ShapeReference;
  raw: string;
}

function isWs(t: Tok): boolean {
  return t >= Tok.SPACE && t <= Tok.DOC_COMMENT;
}

function pendingTrait(id: string, value: NodeValue, at: Pos): PendingTrait {
  return { id, box: [value], line: at.line, column: at.column };
}

export function parseIdlText(text: string, file: string, options: IdlParseOptions = {}): IdlParseResult {
  return new Parser(text, file, options.knownShapes, options.collectOnly ?? false).parse();
}

class Parser {
  private readonly lx: Lexer;
  private version = "1.0";
  private v2 = false;
  private ns = "";
  private inputSuffix = "Input";
  private outputSuffix = "Output";
  /** Metadata and control values have no namespace: their shape IDs resolve immediately. */
  private inMetadata = false;
  private metadata: Record<string, NodeValue> | undefined;
  private readonly controls = new Set<string>();
  private readonly uses = new Map<string, string>();
  private readonly shapes = new Map<string, ShapeDef>();
  private readonly applies: ApplyDef[] = [];
  private readonly targetFixes: TargetFix[] = [];
  private readonly nodeFixes: NodeFix[] = [];

  constructor(
    text: string,
    private readonly file: string,
    private readonly knownShapes: ReadonlyMap<string, ShapeType> | undefined,
    private readonly collectOnly: boolean,
  ) {
    this.lx = new Lexer(text, file);
  }

  parse(): IdlParseResult {
    const lx = this.lx;
    this.skipWs();
    this.inMetadata = true;
    while (lx.peek() === Tok.DOLLAR) this.control();
    while (this.isWord("metadata")) this.metadataStatement();
    this.inMetadata = false;
    if (lx.peek() !== Tok.EOF) {
      if (!this.isWord("namespace")) this.unexpected("a namespace definition");
      this.namespace();
      while (this.isWord("use")) this.use();
      while (lx.peek() !== Tok.EOF) {
        this.shapeOrApply();
        this.expectBr();
      }
    }
    return this.finish();
  }

  // ---------------------------------------------------------------- token helpers

  private pos(): Pos {
    return { line: this.lx.line, column: this.lx.column };
  }

  private fail(message: string, at?: Pos): never {
    throw this.lx.error(message, at?.line, at?.column);
  }

  private unexpected(expected: string): never {
    const lx = this.lx;
    if (lx.peek() === Tok.ERROR) this.fail(`Unexpected character: '${lx.src.slice(lx.start, lx.end)}'`);
    this.fail(`Expected ${expected} but found ${lx.describe()}`);
  }

  private expect(t: Tok): void {
    if (this.lx.peek() !== t) this.unexpected(tokenName(t));
  }

  private isWord(word: string): boolean {
    return this.lx.peek() === Tok.IDENTIFIER && this.lx.text === word;
  }

  private skipSpaces(): void {
    if (this.lx.peek() === Tok.SPACE) this.lx.next();
  }

  private skipWs(): void {
    while (isWs(this.lx.peek())) this.lx.next();
  }

  private expectSpace(): void {
    this.expect(Tok.SPACE);
    this.lx.next();
  }

  private expectWs(): void {
    if (!isWs(this.lx.peek())) this.fail(`Expected one or more whitespace characters, but found ${this.lx.describe()}`);
    this.skipWs();
  }

  /** BR: optional spaces, then a newline or comment (or the end of the file), then any WS. */
  private expectBr(): void {
    this.skipSpaces();
    const t = this.lx.peek();
    if (t === Tok.NEWLINE || t === Tok.COMMENT || t === Tok.DOC_COMMENT) this.skipWs();
    else if (t !== Tok.EOF) this.fail(`Expected a line break, but found ${this.lx.describe()}`);
  }

  private identifier(): string {
    const start = this.lx.start;
    return this.lx.src.slice(start, this.identifierEnd());
  }

  /** `Identifier *("." Identifier)`. */
  private namespaceName(): string {
    const lx = this.lx;
    const start = lx.start;
    let end = this.identifierEnd();
    while (lx.peek() === Tok.DOT) {
      lx.next();
      end = this.identifierEnd();
    }
    return lx.src.slice(start, end);
  }

  /** A shape ID as written (`ns#Name$member`, `Name`, ...): adjacent tokens, no whitespace. */
  private shapeId(): string {
    const lx = this.lx;
    const start = lx.start;
    const namespace = this.namespaceName();
    let end = start + namespace.length;
    if (lx.peek() === Tok.POUND) {
      lx.next();
      end = this.identifierEnd();
    } else if (namespace.includes(".")) {
      this.unexpected(tokenName(Tok.POUND));
    }
    if (lx.peek() === Tok.DOLLAR) {
      lx.next();
      end = this.identifierEnd();
    }
    return lx.src.slice(start, end);
  }

  /** Consumes an identifier and returns the offset just past it. */
  private identifierEnd(): number {
    this.expect(Tok.IDENTIFIER);
    const end = this.lx.end;
    this.lx.next();
    return end;
  }

  /** A shape reference whose target is resolved later. */
  private ref(): ShapeReference {
    const ref = { target: this.shapeId() };
    this.targetFixes.push({ ref, raw: ref.target });
    return ref;
  }

  /** A shape ID property value; quoted strings are accepted like the node form allows. */
  private refValue(): ShapeReference {
    const lx = this.lx;
    if (lx.peek() !== Tok.STRING) return this.ref();
    const ref = { target: lx.text };
    this.targetFixes.push({ ref, raw: ref.target });
    lx.next();
    return ref;
  }

  private refList(): ShapeReference[] {
    const lx = this.lx;
    this.expect(Tok.LBRACKET);
    lx.next();
    this.skipWs();
    const refs: ShapeReference[] = [];
    while (lx.peek() !== Tok.RBRACKET) {
      refs.push(this.refValue());
      this.skipWs();
    }
    lx.next();
    return refs;
  }

  private refMap(): Record<string, ShapeReference> {
    const lx = this.lx;
    this.expect(Tok.LBRACE);
    lx.next();
    this.skipWs();
    const refs: Record<string, ShapeReference> = {};
    while (lx.peek() !== Tok.RBRACE) {
      const [key, at] = this.objectKey(OBJECT_KEY);
      if (Object.hasOwn(refs, key)) this.fail(`Duplicate object key \`${key}\``, at);
      refs[key] = this.refValue();
      this.skipWs();
    }
    lx.next();
    return refs;
  }

  /** `key [WS] ":" [WS]`; returns the key and its position. */
  private objectKey(expected: string): [string, Pos] {
    const lx = this.lx;
    if (lx.peek() !== Tok.IDENTIFIER && lx.peek() !== Tok.STRING) this.unexpected(expected);
    const at = this.pos();
    const key = lx.text;
    lx.next();
    this.skipWs();
    this.expect(Tok.COLON);
    lx.next();
    this.skipWs();
    return [key, at];
  }

  // ---------------------------------------------------------------- node values

  /** Parses a node value. Syntactic shape IDs are written into `slot[key]` once resolved. */
  private value(slot: Slot, key: string | number): NodeValue {
    const lx = this.lx;
    switch (lx.peek()) {
      case Tok.LBRACE:
        return this.object();
      case Tok.LBRACKET:
        return this.array();
      case Tok.STRING:
      case Tok.TEXT_BLOCK: {
        const text = lx.text;
        lx.next();
        return text;
      }
      case Tok.NUMBER: {
        const num = lx.num;
        lx.next();
        return num;
      }
      case Tok.IDENTIFIER: {
        const at = this.pos();
        return this.syntacticValue(this.shapeId(), slot, key, at);
      }
      default:
        this.unexpected(NODE_VALUE);
    }
  }

  /** An unquoted value: a keyword, or a shape ID that resolves to its absolute form. */
  private syntacticValue(raw: string, slot: Slot, key: string | number, at: Pos): NodeValue {
    if (raw === "true") return true;
    if (raw === "false") return false;
    if (raw === "null") return null;
    if (this.inMetadata) return resolveWithoutNamespace(raw);
    this.nodeFixes.push({ slot, key, raw, line: at.line, column: at.column });
    return raw;
  }

  private object(): NodeObject {
    const lx = this.lx;
    lx.next();
    this.skipWs();
    const obj: NodeObject = {};
    while (lx.peek() !== Tok.RBRACE) {
      const [key, at] = this.objectKey(OBJECT_KEY);
      if (Object.hasOwn(obj, key)) this.fail(`Duplicate object key \`${key}\``, at);
      obj[key] = this.value(obj, key);
      this.skipWs();
    }
    lx.next();
    return obj;
  }

  private array(): NodeValue[] {
    const lx = this.lx;
    lx.next();
    this.skipWs();
    const arr: NodeValue[] = [];
    while (lx.peek() !== Tok.RBRACKET) {
      arr.push(this.value(arr, arr.length));
      this.skipWs();
    }
    lx.next();
    return arr;
  }

  // ---------------------------------------------------------------- traits

  /** TraitStatements: `*(Trait [WS])`. */
  private traits(): PendingTrait[] {
    const list: PendingTrait[] = [];
    while (this.lx.peek() === Tok.AT) {
      list.push(this.trait());
      this.skipWs();
    }
    return list;
  }

  private trait(): PendingTrait {
    const lx = this.lx;
    const at = this.pos();
    lx.next();
    const id = this.shapeId();
    if (id.includes("$")) this.fail("Trait shape IDs cannot refer to members", at);
    const trait: PendingTrait = { id, box: null, line: at.line, column: at.column };
    if (lx.peek() === Tok.LPAREN) this.traitBody(trait);
    return trait;
  }

  private traitBody(trait: PendingTrait): void {
    const lx = this.lx;
    lx.next();
    this.skipWs();
    if (lx.peek() === Tok.RPAREN) {
      lx.next(); // `@foo()` is the same as `@foo`
      return;
    }
    const box: NodeValue[] = [];
    trait.box = box;
    if (lx.peek() !== Tok.STRING && lx.peek() !== Tok.IDENTIFIER) {
      box[0] = this.value(box, 0);
      this.skipWs();
      this.expect(Tok.RPAREN);
      lx.next();
      return;
    }
    // A string or a bare identifier is either the whole value or the first structure key.
    const at = this.pos();
    const first = lx.text;
    const isString = lx.peek() === Tok.STRING;
    let raw = first;
    if (isString) lx.next();
    else raw = this.shapeId();
    const canBeKey = isString || raw.length === first.length;
    this.skipWs();
    if (canBeKey && lx.peek() === Tok.COLON) {
      box[0] = this.structuredTraitBody(first, at);
      return;
    }
    if (lx.peek() !== Tok.RPAREN) this.unexpected(tokenName(canBeKey ? Tok.COLON : Tok.RPAREN));
    lx.next();
    box[0] = isString ? first : this.syntacticValue(raw, box, 0, at);
  }

  /** `key: value, ...)` after the first key; the current token is the first colon. */
  private structuredTraitBody(firstKey: string, firstAt: Pos): NodeObject {
    const lx = this.lx;
    const obj: NodeObject = {};
    let key = firstKey;
    let at = firstAt;
    for (;;) {
      lx.next();
      this.skipWs();
      if (Object.hasOwn(obj, key)) this.fail(`Duplicate object key \`${key}\``, at);
      obj[key] = this.value(obj, key);
      this.skipWs();
      if (lx.peek() === Tok.RPAREN) {
        lx.next();
        return obj;
      }
      if (lx.peek() !== Tok.IDENTIFIER && lx.peek() !== Tok.STRING) this.unexpected("one of IDENTIFIER, STRING('\"')");
      at = this.pos();
      key = lx.text;
      lx.next();
      this.skipWs();
      this.expect(Tok.COLON);
    }
  }

  // ---------------------------------------------------------------- control, metadata, namespace, use

  private control(): void {
    const lx = this.lx;
    lx.next();
    if (lx.peek() !== Tok.IDENTIFIER && lx.peek() !== Tok.STRING) this.unexpected("one of IDENTIFIER, STRING('\"')");
    const key = lx.text;
    lx.next();
    this.skipSpaces();
    this.expect(Tok.COLON);
    lx.next();
    this.skipSpaces();
    const at = this.pos();
    const box: NodeValue[] = [];
    const value = this.value(box, 0);
    if (this.controls.has(key)) this.fail(`Duplicate control statement \`${key}\``, at);
    this.controls.add(key);
    switch (key) {
      case "version":
        this.setVersion(value, at);
        break;
      case "operationInputSuffix":
        this.inputSuffix = this.controlString(key, value, at);
        break;
      case "operationOutputSuffix":
        this.outputSuffix = this.controlString(key, value, at);
        break;
      // Unknown control statements are ignored (spec).
    }
    this.expectBr();
  }

  private controlString(key: string, value: NodeValue, at: Pos): string {
    if (typeof value !== "string") {
      this.fail(`The $${key} control statement must have a string value, but found ${JSON.stringify(value)}`, at);
    }
    return value;
  }

  private setVersion(value: NodeValue, at: Pos): void {
    const text = this.controlString("version", value, at);
    const match = /^([12])(?:\.(\d+))?$/.exec(text);
    if (!match) this.fail(`Unsupported Smithy IDL version \`${text}\``, at);
    this.version = `${match[1]}.${match[2] ?? "0"}`;
    this.v2 = match[1] === "2";
  }

  private metadataStatement(): void {
    const lx = this.lx;
    lx.next();
    this.expectSpace();
    if (lx.peek() !== Tok.IDENTIFIER && lx.peek() !== Tok.STRING) this.unexpected("one of IDENTIFIER, STRING('\"')");
    const at = this.pos();
    const key = lx.text;
    lx.next();
    this.skipSpaces();
    this.expect(Tok.EQUAL);
    lx.next();
    this.skipSpaces();
    const metadata = (this.metadata ??= {});
    const value = this.value(metadata, key);
    if (Object.hasOwn(metadata, key)) {
      mergeValue(metadata, key, value, () => this.fail(`Conflicting metadata key \`${key}\``, at));
    } else {
      metadata[key] = value;
    }
    this.expectBr();
  }

  private namespace(): void {
    this.lx.next();
    this.expectSpace();
    this.ns = this.namespaceName();
    this.expectBr();
  }

  private use(): void {
    const lx = this.lx;
    const at = this.pos();
    lx.next();
    this.expectSpace();
    const ns = this.namespaceName();
    this.expect(Tok.POUND);
    lx.next();
    const name = this.identifier();
    if (lx.peek() === Tok.DOLLAR) this.fail("Use statements cannot import members", at);
    const id = `${ns}#${name}`;
    const previous = this.uses.get(name);
    if (previous !== undefined && previous !== id) {
      this.fail(`Cannot use \`${id}\` because it conflicts with \`${previous}\``, at);
    }
    this.uses.set(name, id);
    this.expectBr();
  }

  // ---------------------------------------------------------------- shapes

  private shapeOrApply(): void {
    const lx = this.lx;
    const docs = lx.takeDocs();
    const traits = this.traits();
    this.expect(Tok.IDENTIFIER);
    const at = this.pos();
    const keyword = lx.text;
    if (keyword === "apply") {
      if (traits.length > 0) this.fail("Traits applied to apply statement", at);
      this.apply(at);
      return;
    }
    if (docs !== undefined) traits.unshift(pendingTrait(DOCUMENTATION, docs, at));
    if (SIMPLE_TYPES.has(keyword)) {
      const def = this.beginShape({ type: keyword as SimpleShapeType }, at, traits);
      this.skipSpaces();
      if (this.isWord("with")) this.mixins(def);
      return;
    }
    switch (keyword) {
      case "set":
        if (this.v2) this.fail("`set` shapes cannot be used in Smithy version 2.0 or later; use a list shape with the @uniqueItems trait", at);
        return this.aggregate({ type: keyword }, at, traits);
      case "list":
      case "map":
        return this.aggregate({ type: keyword }, at, traits);
      case "structure":
      case "union":
        return this.aggregate({ type: keyword, members: {} }, at, traits);
      case "enum":
      case "intEnum":
        return this.enumShape({ type: keyword, members: {} }, at, traits);
      case "service":
      case "resource":
        return this.entity({ type: keyword }, at, traits);
      case "operation":
        return this.operation({ type: keyword }, at, traits);
      default:
        this.fail(`Unknown shape type: ${keyword}`, at);
    }
  }

  /** Consumes `type SP Identifier` and registers the shape. */
  private beginShape(shape: DefinedShape, at: Pos, traits: PendingTrait[]): ShapeDef {
    this.lx.next();
    this.expectSpace();
    const nameAt = this.pos();
    return this.define(this.identifier(), shape, at, nameAt, traits);
  }

  private define(name: string, shape: DefinedShape, at: Pos, nameAt: Pos, traits: PendingTrait[]): ShapeDef {
    const id = `${this.ns}#${name}`;
    if (this.shapes.has(name)) this.fail(`Duplicate shape definition for \`${id}\``, nameAt);
    const imported = this.uses.get(name);
    if (imported !== undefined) this.fail(`Shape \`${id}\` conflicts with \`${imported}\` imported by a use statement`, nameAt);
    const def: ShapeDef = { id, name, shape, traits, members: new Map(), mixins: [], line: at.line, column: at.column };
    this.shapes.set(name, def);
    return def;
  }

  /** `with [A, B]`; the current token is `with`. */
  private mixins(def: ShapeDef): void {
    const lx = this.lx;
    if (!this.v2) this.fail("Mixins can only be used in Smithy 2.0 or later");
    lx.next();
    this.skipWs();
    this.expect(Tok.LBRACKET);
    lx.next();
    this.skipWs();
    do {
      def.mixins.push(this.ref());
      this.skipWs();
    } while (lx.peek() !== Tok.RBRACKET);
    lx.next();
    def.shape.mixins = def.mixins;
  }

  /** `for Resource`; the current token is `for`. */
  private forResource(def: ShapeDef): void {
    if (!this.v2) this.fail("Resource references with `for` can only be used in Smithy 2.0 or later");
    this.lx.next();
    this.expectSpace();
    def.forResource = this.ref();
    this.skipSpaces();
  }

  private aggregate(shape: ListShape | MapShape | StructureShape, at: Pos, traits: PendingTrait[]): void {
    const def = this.beginShape(shape, at, traits);
    this.skipSpaces();
    if (this.isWord("for")) this.forResource(def);
    if (this.isWord("with")) this.mixins(def);
    this.skipWs();
    this.expect(Tok.LBRACE);
    this.members(def);
    if (def.mixins.length > 0) return;
    if ((shape.type === "list" || shape.type === "set") && shape.member === undefined) {
      this.fail(`Missing required member of shape \`${def.id}\`: member`, at);
    }
    if (shape.type === "map" && (shape.key === undefined || shape.value === undefined)) {
      const missing = [shape.key ? "" : "key", shape.value ? "" : "value"].filter(Boolean).join(", ");
      this.fail(`Missing required members of shape \`${def.id}\`: ${missing}`, at);
    }
  }

  /** ShapeMembers of list/set/map/structure/union; the current token is `{`. */
  private members(def: ShapeDef): void {
    const lx = this.lx;
    lx.next();
    this.skipWs();
    while (lx.peek() !== Tok.RBRACE) {
      if (lx.peek() === Tok.EOF) this.unexpected(tokenName(Tok.RBRACE));
      const docs = lx.takeDocs();
      const traits = this.traits();
      let member: MemberDef;
      if (lx.peek() === Tok.DOLLAR) {
        if (!this.v2) this.fail("Members can only elide targets in IDL version 2 or later");
        lx.next();
        const at = this.pos();
        member = this.addMember(def, this.identifier(), at, { target: "" }, traits);
        member.elided = true;
      } else {
        const at = this.pos();
        const name = this.identifier();
        this.skipSpaces();
        this.expect(Tok.COLON);
        lx.next();
        this.skipSpaces();
        member = this.addMember(def, name, at, this.ref(), traits);
      }
      if (docs !== undefined) traits.unshift(pendingTrait(DOCUMENTATION, docs, member));
      this.skipSpaces();
      if (lx.peek() === Tok.EQUAL) {
        const at = this.pos();
        if (!this.v2) this.fail("Default values can only be used in IDL version 2 or later");
        lx.next();
        this.skipSpaces();
        traits.push(this.assignedTrait("smithy.api#default", at));
      } else {
        this.skipWs();
      }
    }
    lx.next();
  }

  private addMember(def: ShapeDef, name: string, at: Pos, node: MemberShape, traits: PendingTrait[]): MemberDef {
    const shape = def.shape;
    if (def.members.has(name)) this.fail(`Found conflicting member name, \`${name}\``, at);
    switch (shape.type) {
      case "list":
      case "set":
        if (name !== "member") this.fail(`${shape.type} shapes only support a member named \`member\`, found \`${name}\``, at);
        shape.member = node;
        break;
      case "map":
        if (name === "key") shape.key = node;
        else if (name === "value") shape.value = node;
        else this.fail(`map shapes only support members named \`key\` and \`value\`, found \`${name}\``, at);
        break;
      case "structure":
      case "union":
      case "enum":
      case "intEnum":
        (shape.members ??= {})[name] = node;
        break;
      default:
        this.fail(`${shape.type} shapes cannot have members`, at);
    }
    const member: MemberDef = { name, node, traits, elided: false, line: at.line, column: at.column };
    def.members.set(name, member);
    return member;
  }

  /**
   * ValueAssignment after `=` (already consumed): the value becomes trait `id`. The statement
   * must end the line: `[SP] [Comma] BR`.
   */
  private assignedTrait(id: string, at: Pos): PendingTrait {
    const box: NodeValue[] = [];
    box[0] = this.value(box, 0);
    this.skipSpaces();
    if (this.lx.peek() === Tok.COMMA) this.lx.next();
    this.expectBr();
    return { id, box, line: at.line, column: at.column };
  }

  private enumShape(shape: EnumShape, at: Pos, traits: PendingTrait[]): void {
    const lx = this.lx;
    if (!this.v2) this.fail(`${shape.type} shapes cannot be used in Smithy version 1.0`, at);
    const def = this.beginShape(shape, at, traits);
    const isInt = shape.type === "intEnum";
    this.skipSpaces();
    if (this.isWord("with")) this.mixins(def);
    this.skipWs();
    this.expect(Tok.LBRACE);
    lx.next();
    this.skipWs();
    while (lx.peek() !== Tok.RBRACE) {
      if (lx.peek() === Tok.EOF) this.unexpected(tokenName(Tok.RBRACE));
      const docs = lx.takeDocs();
      const memberTraits = this.traits();
      const memberAt = this.pos();
      const name = this.identifier();
      this.addMember(def, name, memberAt, { target: UNIT }, memberTraits);
      if (docs !== undefined) memberTraits.unshift(pendingTrait(DOCUMENTATION, docs, memberAt));
      this.skipSpaces();
      if (lx.peek() === Tok.EQUAL) {
        const valueAt = this.pos();
        lx.next();
        this.skipSpaces();
        this.checkEnumValue(isInt, `${def.id}$${name}`);
        memberTraits.push(this.assignedTrait(ENUM_VALUE, valueAt));
      } else {
        this.skipWs();
      }
    }
    if (def.members.size === 0 && def.mixins.length === 0) this.fail(`${def.id}: ${shape.type} shapes must have at least one member`, at);
    lx.next();
  }

  private checkEnumValue(isInt: boolean, memberId: string): void {
    const lx = this.lx;
    const t = lx.peek();
    const isValue = t === Tok.STRING || t === Tok.TEXT_BLOCK || t === Tok.NUMBER || t === Tok.IDENTIFIER
      || t === Tok.LBRACE || t === Tok.LBRACKET;
    if (!isValue) return; // let the node parser report the syntax error
    if (isInt) {
      if (t !== Tok.NUMBER) this.fail(`${memberId}: intEnum members require integer values, but found: ${lx.describe()}`);
      if (lx.numIsFloat || !Number.isSafeInteger(lx.num)) {
        this.fail(`${memberId}: intEnum members do not support floating point values`);
      }
    } else if (t !== Tok.STRING && t !== Tok.TEXT_BLOCK) {
      this.fail(`${memberId}: enum members require string values, but found: ${lx.describe()}`);
    }
  }

  private entity(shape: ServiceShape | ResourceShape, at: Pos, traits: PendingTrait[]): void {
    this.propertyBlock(shape, at, traits, (def, seen) => {
      const [key, keyAt] = this.objectKey(OBJECT_KEY);
      if (seen.has(key)) this.fail(`Duplicate ${shape.type} property \`${key}\` for \`${def.id}\``, keyAt);
      seen.add(key);
      if (shape.type === "service") this.serviceProperty(shape, key, keyAt);
      else this.resourceProperty(shape, key, keyAt);
      this.skipWs();
    });
  }

  /**
   * The `{ … }` body of a service, resource or operation, after its optional mixins: `property`
   * reads one property (and what follows it) until the closing brace.
   */
  private propertyBlock(
    shape: ServiceShape | ResourceShape | OperationShape,
    at: Pos,
    traits: PendingTrait[],
    property: (def: ShapeDef, seen: Set<string>) => void,
  ): void {
    const lx = this.lx;
    const def = this.beginShape(shape, at, traits);
    this.skipSpaces();
    if (this.isWord("with")) this.mixins(def);
    this.skipWs();
    this.expect(Tok.LBRACE);
    lx.next();
    this.skipWs();
    const seen = new Set<string>();
    while (lx.peek() !== Tok.RBRACE) {
      if (lx.peek() === Tok.EOF) this.unexpected(tokenName(Tok.RBRACE));
      property(def, seen);
    }
    lx.next();
  }

  private serviceProperty(shape: ServiceShape, key: string, at: Pos): void {
    const lx = this.lx;
    switch (key) {
      case "version":
        if (lx.peek() !== Tok.STRING && lx.peek() !== Tok.TEXT_BLOCK) this.unexpected(tokenName(Tok.STRING));
        shape.version = lx.text;
        lx.next();
        return;
      case "operations":
      case "resources":
      case "errors":
        shape[key] = this.refList();
        return;
      case "rename": {
        this.expect(Tok.LBRACE);
        const rename = this.object();
        for (const name of Object.keys(rename)) {
          if (typeof rename[name] !== "string") this.fail(`Service rename values must be strings: \`${name}\``, at);
        }
        shape.rename = rename as Record<string, string>;
        return;
      }
      default:
        this.fail(`Unknown service property \`${key}\``, at);
    }
  }

  private resourceProperty(shape: ResourceShape, key: string, at: Pos): void {
    switch (key) {
      case "properties":
        if (!this.v2) this.fail("Resource properties can only be used with Smithy version 2 or later", at);
        shape.properties = this.refMap();
        return;
      case "identifiers":
        shape.identifiers = this.refMap();
        return;
      case "create":
      case "put":
      case "read":
      case "update":
      case "delete":
      case "list":
        shape[key] = this.refValue();
        return;
      case "operations":
      case "collectionOperations":
      case "resources":
        shape[key] = this.refList();
        return;
      default:
        this.fail(`Unknown resource property \`${key}\``, at);
    }
  }

  private operation(shape: OperationShape, at: Pos, traits: PendingTrait[]): void {
    const lx = this.lx;
    this.propertyBlock(shape, at, traits, (def, seen) => {
      const keyAt = this.pos();
      const key = this.identifier();
      if (seen.has(key)) this.fail(`Duplicate operation ${key} property for \`${def.id}\``, keyAt);
      seen.add(key);
      this.skipWs();
      switch (key) {
        case "input":
        case "output":
          if (lx.peek() === Tok.COLON) {
            lx.next();
            this.skipWs();
            shape[key] = this.refValue();
          } else if (lx.peek() === Tok.WALRUS) {
            shape[key] = this.inlineStructure(def, key, keyAt);
          } else {
            this.unexpected("one of COLON(':'), WALRUS(':=')");
          }
          break;
        case "errors":
          this.expect(Tok.COLON);
          lx.next();
          this.skipWs();
          shape.errors = this.refList();
          break;
        default:
          this.fail(`Unknown operation property \`${key}\``, keyAt);
      }
      if (lx.peek() !== Tok.RBRACE) this.expectWs();
    });
  }

  /** `:= [traits] [for R] [with [...]] { members }`; the current token is `:=`. */
  private inlineStructure(operation: ShapeDef, key: "input" | "output", at: Pos): ShapeReference {
    const lx = this.lx;
    if (!this.v2) {
      this.fail(
        `Inlined operation inputs and outputs can only be used with Smithy version 2 or later. Attempted to use inlined IO with version \`${this.version}\`.`,
      );
    }
    lx.next();
    this.skipWs();
    const docs = lx.takeDocs();
    const traits = this.traits();
    if (docs !== undefined) traits.unshift(pendingTrait(DOCUMENTATION, docs, at));
    traits.push(pendingTrait(`smithy.api#${key}`, {}, at));
    const name = operation.name + (key === "input" ? this.inputSuffix : this.outputSuffix);
    const def = this.define(name, { type: "structure", members: {} }, at, at, traits);
    if (this.isWord("for")) this.forResource(def);
    this.skipWs();
    if (this.isWord("with")) this.mixins(def);
    this.skipWs();
    this.expect(Tok.LBRACE);
    this.members(def);
    return { target: def.id };
  }

  private apply(at: Pos): void {
    const lx = this.lx;
    lx.next();
    this.expectSpace();
    const target = this.shapeId();
    this.expectWs();
    let traits: PendingTrait[];
    if (lx.peek() === Tok.AT) {
      traits = [this.trait()];
    } else if (lx.peek() === Tok.LBRACE) {
      lx.next();
      this.skipWs();
      traits = this.traits();
      this.expect(Tok.RBRACE);
      lx.next();
    } else {
      this.unexpected("one of AT('@'), LBRACE('{')");
    }
    this.applies.push({ target, traits, line: at.line, column: at.column });
  }

  // ---------------------------------------------------------------- resolution and output

  /** Relative shape ID resolution: `use` imports, shapes of this file, the prelude, else the namespace. */
  private resolve(raw: string): string {
    if (raw.includes("#")) return raw;
    const dollar = raw.indexOf("$");
    const name = dollar < 0 ? raw : raw.slice(0, dollar);
    const local = `${this.ns}#${name}`;
    const base = this.uses.get(name)
      ?? (this.shapes.has(name) || !PRELUDE_NAMES.has(name) || this.knownShapes?.has(local) ? local : `${PRELUDE}#${name}`);
    return dollar < 0 ? base : base + raw.slice(dollar);
  }

  /** The shape defined in this file with absolute ID `id`, if any. */
  private local(id: string): ShapeDef | undefined {
    const ns = this.ns;
    if (id.length <= ns.length || !id.startsWith(ns) || id.charCodeAt(ns.length) !== 35) return undefined;
    return this.shapes.get(id.slice(ns.length + 1));
  }

  private finish(): IdlParseResult {
    for (const fix of this.targetFixes) fix.ref.target = this.resolve(fix.raw);
    for (const fix of this.nodeFixes) {
      if (!this.collectOnly) this.checkSyntacticId(fix);
      const id = this.resolve(fix.raw);
      if (Array.isArray(fix.slot)) fix.slot[fix.key as number] = id;
      else fix.slot[fix.key as string] = id;
    }
    const file = this.file;
    const locations = new Map<string, SourceLocation>();
    const shapes: Record<string, Shape> = {};
    for (const def of this.shapes.values()) {
      shapes[def.id] = def.shape;
      locations.set(def.id, { file, line: def.line, column: def.column });
      if (def.traits.length > 0) def.shape.traits = this.buildTraits(def.traits, {}, def.id);
      for (const member of def.members.values()) {
        if (member.elided) this.resolveElided(def, member, new Set());
        const memberId = `${def.id}$${member.name}`;
        locations.set(memberId, { file, line: member.line, column: member.column });
        if (member.elided && this.inheritsMember(def, member.name)) {
          member.inherited = true;
          removeMember(def.shape, member.name);
          if (member.traits.length > 0) {
            shapes[memberId] = { type: "apply", traits: this.buildTraits(member.traits, {}, memberId) };
          }
        } else if (member.traits.length > 0) {
          member.node.traits = this.buildTraits(member.traits, {}, memberId);
        }
      }
    }
    for (const apply of this.applies) {
      const id = this.resolve(apply.target);
      const holder = this.applyTarget(id);
      if (holder) {
        this.buildTraits(apply.traits, (holder.traits ??= {}), id);
        continue;
      }
      let entry = shapes[id];
      if (entry?.type !== "apply") {
        entry = { type: "apply", traits: {} };
        shapes[id] = entry;
        locations.set(id, { file, line: apply.line, column: apply.column });
      }
      this.buildTraits(apply.traits, entry.traits, id);
    }
    for (const def of this.shapes.values()) {
      if (def.shape.type === "enum") this.defaultEnumValues(def, def.shape);
      this.validate(def);
      omitEmptyMixinMembers(def.shape);
    }
    const ast: JsonAstModel = { smithy: this.version, shapes };
    if (this.metadata) ast.metadata = this.metadata;
    return { ast, locations };
  }

  /** The shape or own member an `apply` adds traits to, when it is defined in this file. */
  private applyTarget(id: string): { traits?: Traits } | undefined {
    const dollar = id.indexOf("$");
    const def = this.local(dollar < 0 ? id : id.slice(0, dollar));
    if (!def || dollar < 0) return def?.shape;
    // Members inherited from mixins stay `apply` entries, as Smithy serializes them.
    const member = def.members.get(id.slice(dollar + 1));
    return member?.inherited === true ? undefined : member?.node;
  }

  /** Adds `pending` to `traits` of shape or member `owner` (trait conflict rules apply). */
  private buildTraits(pending: PendingTrait[], traits: Traits, owner: string): Traits {
    for (const trait of pending) {
      const id = this.resolve(trait.id);
      if (id === "smithy.api#mixin" && !this.v2) {
        this.fail(
          `Mixins can only be used in Smithy 2.0 or later. Attempted to apply a @mixin trait to \`${owner}\` in a model file using version \`${this.version}\`.`,
          trait,
        );
      }
      const value = trait.box === null ? this.omittedTraitValue(id) : (trait.box[0] as NodeValue);
      if (Object.hasOwn(traits, id)) {
        mergeValue(traits, id, value, () => this.fail(`Conflicting \`${id}\` trait values on \`${owner}\``, trait));
      } else {
        traits[id] = value;
      }
    }
    return traits;
  }

  /** The spec's default for `@trait` without a value: `{}` for structures/maps, `[]` for lists, else null. */
  private omittedTraitValue(id: string): NodeValue {
    const hash = id.indexOf("#");
    const name = id.slice(hash + 1);
    const type = this.local(id)?.shape.type ?? this.knownShapes?.get(id);
    if (type !== undefined) {
      if (type === "structure" || type === "map") return {};
      return type === "list" || type === "set" ? [] : null;
    }
    if (id.slice(0, hash) === PRELUDE) {
      if (PRELUDE_LIST_TRAITS.has(name)) return [];
      if (PRELUDE_SCALAR_TRAITS.has(name)) return null;
    }
    // Traits defined in other files are almost always structures (annotation traits).
    return {};
  }

  private resolveElided(def: ShapeDef, member: MemberDef, visiting: Set<MemberDef>): string {
    if (member.node.target !== "") return member.node.target;
    if (visiting.has(member)) this.fail(`Cyclic elided member \`${def.id}$${member.name}\``, member);
    visiting.add(member);
    let target: string | undefined;
    let elsewhere: string | undefined; // a bound shape this file can't see
    if (def.forResource) {
      const resource = this.local(def.forResource.target);
      if (resource?.shape.type === "resource") {
        target = (resource.shape.identifiers?.[member.name] ?? resource.shape.properties?.[member.name])?.target;
      } else if (!resource) {
        elsewhere = def.forResource.target;
      }
    }
    for (const mixin of def.mixins) {
      if (target !== undefined) break;
      const found = this.findMixinMember(mixin.target, member.name, new Set());
      if (found === null) elsewhere ??= mixin.target;
      else if (found) target = this.resolveElided(found.owner, found.member, visiting);
    }
    if (target === undefined) {
      this.fail(
        elsewhere === undefined
          ? `${def.id}$${member.name}: Member target was elided, but no bound resource or mixin contained a matching identifier or member name.`
          : `${def.id}$${member.name}: Member target was elided, but \`${elsewhere}\` is not defined in this file, so the IDL parser cannot resolve it.`,
        member,
      );
    }
    member.node.target = target;
    return target;
  }

  /**
   * Finds member `name` in mixin `mixinId` or the mixins it inherits from. Returns null when
   * the mixin is not defined in this file, undefined when it has no such member.
   */
  private findMixinMember(
    mixinId: string,
    name: string,
    seen: Set<ShapeDef>,
  ): { owner: ShapeDef; member: MemberDef } | null | undefined {
    const owner = this.local(mixinId);
    if (!owner) return null;
    if (seen.has(owner)) return undefined;
    seen.add(owner);
    const member = owner.members.get(name);
    if (member) return { owner, member };
    for (const mixin of owner.mixins) {
      const found = this.findMixinMember(mixin.target, name, seen);
      if (found) return found;
    }
    return undefined;
  }

  /** Whether a mixin of the shape (defined in this file) has a member with this name. */
  private inheritsMember(def: ShapeDef, name: string): boolean {
    return def.mixins.some((mixin) => this.findMixinMember(mixin.target, name, new Set()) !== undefined && this.local(mixin.target) !== undefined);
  }

  /**
   * A string enum member without an enumValue trait uses its name (as Smithy's loader does),
   * unless it redeclares a member of a mixin: the value stays with the mixin's member.
   */
  private defaultEnumValues(def: ShapeDef, shape: EnumShape): void {
    for (const [name, member] of Object.entries(shape.members ?? {})) {
      const traits = member.traits ?? {};
      if (Object.hasOwn(traits, ENUM_VALUE) || this.inheritsMember(def, name)) continue;
      member.traits = { ...traits, [ENUM_VALUE]: name };
    }
  }

  /**
   * An unquoted node value is a shape ID (idl.rst, "Syntactic shape IDs"); a relative one that
   * names no shape (not imported, not defined here or in the model's other files, not in the
   * prelude) is almost always a string missing its quotes, such as `truefalse`.
   */
  private checkSyntacticId(fix: NodeFix): void {
    if (fix.raw.includes("#")) return;
    const dollar = fix.raw.indexOf("$");
    const name = dollar < 0 ? fix.raw : fix.raw.slice(0, dollar);
    if (this.uses.has(name) || this.shapes.has(name) || PRELUDE_NAMES.has(name) || this.knownShapes?.has(`${this.ns}#${name}`)) return;
    this.fail(
      `Syntactic shape ID \`${fix.raw}\` does not resolve to a shape (it would be \`${this.ns}#${fix.raw}\`); quote it if it is a string`,
      fix,
    );
  }

  /** Checks that need the whole file: mixin member conflicts and mixin operations. */
  private validate(def: ShapeDef): void {
    for (const mixin of def.mixins) {
      for (const member of def.members.values()) {
        const inherited = this.findMixinMember(mixin.target, member.name, new Set());
        if (inherited && inherited.member.node.target !== member.node.target) {
          this.fail(
            `${def.id}$${member.name}: Member conflicts with an inherited mixin member: \`${inherited.owner.id}$${member.name}\``,
            member,
          );
        }
      }
    }
    const shape = def.shape;
    if (shape.type === "intEnum") {
      for (const member of def.members.values()) {
        const value = member.node.traits?.[ENUM_VALUE];
        if (typeof value === "number" && (value < INT32_MIN || value > INT32_MAX)) {
          this.fail(`${def.id}$${member.name}: intEnum values must be 32-bit integers (${INT32_MIN} to ${INT32_MAX}), found ${value}`, member);
        }
      }
    }
    if (shape.type === "resource" && shape.traits && Object.hasOwn(shape.traits, "smithy.api#mixin") && Object.keys(shape.properties ?? {}).length > 0) {
      this.fail(
        `Resource shapes with the mixin trait MAY NOT define any properties. Resource mixin shape \`${def.id}\` defines one or more properties.`,
        def,
      );
    }
    if (shape.type === "operation" && shape.traits && Object.hasOwn(shape.traits, "smithy.api#mixin")) {
      const io = [shape.input, shape.output].some((ref) => ref !== undefined && ref.target !== UNIT);
      if (io) {
        this.fail(
          `Operation shapes with the mixin trait MUST target \`${UNIT}\` for their input and output. Operation mixin shape \`${def.id}\` defines one or both of these properties.`,
          def,
        );
      }
    }
  }
}

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/** Takes an inherited member out of the shape's own members. */
function removeMember(shape: DefinedShape, name: string): void {
  switch (shape.type) {
    case "list":
    case "set":
      delete shape.member;
      return;
    case "map":
      if (name === "key") delete shape.key;
      else delete shape.value;
      return;
    case "structure":
    case "union":
    case "enum":
    case "intEnum":
      if (shape.members !== undefined) delete shape.members[name];
      return;
  }
}

/** A mixin with no members of its own has no `members` in the JSON AST (Smithy's serializer omits them). */
function omitEmptyMixinMembers(shape: DefinedShape): void {
  if (!("members" in shape) || shape.members === undefined || Object.keys(shape.members).length > 0) return;
  if (shape.traits !== undefined && Object.hasOwn(shape.traits, "smithy.api#mixin")) delete shape.members;
}

/** Metadata has no namespace: prelude names resolve to `smithy.api`, other IDs stay as written. */
function resolveWithoutNamespace(raw: string): string {
  if (raw.includes("#")) return raw;
  const dollar = raw.indexOf("$");
  return PRELUDE_NAMES.has(dollar < 0 ? raw : raw.slice(0, dollar)) ? `${PRELUDE}#${raw}` : raw;
}

/** Trait / metadata conflict resolution: lists concatenate, equal values are kept, else conflict. */
function mergeValue(target: Record<string, NodeValue>, key: string, value: NodeValue, conflict: () => never): void {
  const previous = target[key] as NodeValue;
  if (Array.isArray(previous) && Array.isArray(value)) target[key] = [...previous, ...value];
  else if (!nodeEquals(previous, value)) conflict();
}

function nodeEquals(a: NodeValue, b: NodeValue): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((v, i) => nodeEquals(v, b[i] as NodeValue));
  }
  if (Array.isArray(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length
    && keys.every((k) => Object.hasOwn(b, k) && nodeEquals(a[k] as NodeValue, b[k] as NodeValue));
}
