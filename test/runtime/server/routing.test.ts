// runtime/server: routing by method, path and query literals, and the media-type checks.

import { describe, expect, it } from "vitest";
import { checkAccept, checkContentType, mediaType } from "../../../runtime/server/media-types.js";
import { RequestError } from "../../../runtime/server/request-error.js";
import { findRoute, matchRoute, pathSegments, type Route } from "../../../runtime/server/routing.js";

const get = (path: Route["path"], query: Route["query"] = []): Route => ({ method: "GET", path, query });

describe("routes", () => {
  it("path segments drop the leading and a trailing slash", () => {
    expect(pathSegments("/a/b/")).toEqual(["a", "b"]);
    expect(pathSegments("/")).toEqual([]);
    expect(pathSegments("a//b")).toEqual(["a", "", "b"]);
  });

  it("labels take one non-empty segment, the greedy label one or more", () => {
    expect(matchRoute(get(["things", 0]), ["things", "a%20b"], {})).toEqual(["a%20b"]);
    expect(matchRoute(get(["things", 0]), ["things", ""], {})).toBeUndefined();
    expect(matchRoute(get(["files", 1, "meta"]), ["files", "a", "b", "meta"], {})).toEqual(["a/b"]);
    expect(matchRoute(get(["files", 1, "meta"]), ["files", "meta"], {})).toBeUndefined();
  });

  it("a literal segment matches percent-encoded too; extra segments do not match", () => {
    expect(matchRoute(get(["a b"]), ["a%20b"], {})).toEqual([]);
    expect(matchRoute(get(["a"]), ["a", "b"], {})).toBeUndefined();
  });

  it("query literals must be present, with their value when one is given", () => {
    const route = get(["x"], [["type", "full"], ["flag", null]]);
    expect(matchRoute(route, ["x"], { type: ["full"], flag: [""] })).toEqual([]);
    expect(matchRoute(route, ["x"], { type: ["part"], flag: [""] })).toBeUndefined();
    expect(matchRoute(route, ["x"], { type: ["full"] })).toBeUndefined();
  });

  it("routes are tried in priority order; another method's match is 405, none 404", () => {
    const routes: Route[] = [get(["a", 0]), get(["a", "b"]), { method: "PUT", path: ["c"], query: [] }];
    expect(findRoute(routes, [1, 0, 2], "GET", "/a/b", {})).toEqual({ op: 1, labels: [] });
    expect(findRoute(routes, [0, 1, 2], "GET", "/a/b", {})).toEqual({ op: 0, labels: ["b"] });
    expect(findRoute(routes, [1, 0, 2], "GET", "/c", {})).toBe(405);
    expect(findRoute(routes, [1, 0, 2], "GET", "/d", {})).toBe(404);
  });
});

describe("media types", () => {
  it("compare without parameters, in lower case", () => {
    expect(mediaType(" Application/JSON; charset=utf-8")).toBe("application/json");
  });

  it("Content-Type: the expected one, any, or none when nothing is in the body", () => {
    checkContentType({ "content-type": "application/json; charset=utf-8" }, "{}", "application/json");
    checkContentType({}, "", "application/json");
    checkContentType({ "content-type": "x/y" }, "1", "*");
    checkContentType({ "content-type": "application/json" }, "", undefined);
    for (const [h, body, expected] of [
      [{ "content-type": "text/plain" }, "{}", "application/json"],
      [{}, "{}", "application/json"],
      [{ "content-type": "application/json" }, "{}", undefined],
    ] as const) {
      expect(() => checkContentType(h, body, expected)).toThrow(expect.objectContaining({ statusCode: 415, errorType: "UnsupportedMediaTypeException" }));
    }
  });

  it("Accept: absent, the type, its type/*, or */* admit; anything else is 406", () => {
    for (const accept of [undefined, "application/json", "text/html, application/*", "*/*;q=0.1"]) {
      checkAccept(accept === undefined ? {} : { accept }, "application/json");
    }
    expect(() => checkAccept({ accept: "text/html" }, "application/json")).toThrow(RequestError);
    expect(() => checkAccept({ accept: "text/html" }, "application/json")).toThrow(expect.objectContaining({ statusCode: 406 }));
  });
});
