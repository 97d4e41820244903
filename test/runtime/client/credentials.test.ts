// Credentials: static, a provider cached until near its expiration, the environment by default.

import { afterEach, describe, expect, it, vi } from "vitest";
import { CREDENTIAL_REFRESH_WINDOW_MS, credentialProvider, fromEnv } from "../../../runtime/client/credentials.js";

afterEach(() => vi.unstubAllEnvs());

describe("credentialProvider", () => {
  it("returns a static object as is", async () => {
    const fixed = { accessKeyId: "A", secretAccessKey: "S" };
    expect(await credentialProvider(fixed)()).toBe(fixed);
  });

  it("calls a provider once, shares the call, and refreshes within 5 minutes of expiration", async () => {
    let now = 0;
    let calls = 0;
    const provider = async () => ({ accessKeyId: `A${++calls}`, secretAccessKey: "S", expiration: new Date(60 * 60_000) });
    const get = credentialProvider(provider, () => now);
    const [a, b] = await Promise.all([get(), get()]);
    expect(a.accessKeyId).toBe("A1");
    expect(b).toBe(a);
    now = 60 * 60_000 - CREDENTIAL_REFRESH_WINDOW_MS - 1;
    expect((await get()).accessKeyId).toBe("A1");
    now += 1;
    expect((await get()).accessKeyId).toBe("A2");
    expect(calls).toBe(2);
  });

  it("keeps credentials without expiration, and does not cache a failure", async () => {
    let calls = 0;
    const get = credentialProvider(async () => {
      if (++calls === 1) throw new Error("not yet");
      return { accessKeyId: "A", secretAccessKey: "S" };
    });
    await expect(get()).rejects.toThrow("not yet");
    expect((await get()).accessKeyId).toBe("A");
    await get();
    expect(calls).toBe(2);
  });

  it("defaults to AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN", async () => {
    vi.stubEnv("AWS_ACCESS_KEY_ID", "ENVKEY");
    vi.stubEnv("AWS_SECRET_ACCESS_KEY", "ENVSECRET");
    vi.stubEnv("AWS_SESSION_TOKEN", "ENVTOKEN");
    expect(await credentialProvider(undefined)()).toEqual({ accessKeyId: "ENVKEY", secretAccessKey: "ENVSECRET", sessionToken: "ENVTOKEN" });
    vi.stubEnv("AWS_SESSION_TOKEN", "");
    expect(await fromEnv()()).toEqual({ accessKeyId: "ENVKEY", secretAccessKey: "ENVSECRET" });
  });

  it("without them, fails naming what to set", async () => {
    vi.stubEnv("AWS_ACCESS_KEY_ID", "");
    await expect(fromEnv()()).rejects.toMatchObject({ name: "CredentialsProviderError", message: expect.stringContaining("AWS_ACCESS_KEY_ID") });
  });
});
