// From the command line (and the configuration file, when there is one) to the packages to make,
// each with its settings. Flags override the file; without a file the flags alone describe the
// run, as they always have (no --model: every model in models/ into generated/).

import { findConfigFile, loadConfig, type LoadedConfig, type PackageConfig } from "../config/config.js";
import { planPackages, type PackageJob, type PackageSettings } from "../packages.js";
import { UsageError } from "./args.js";

export interface PackagePlan {
  readonly job: PackageJob;
  readonly settings: PackageSettings;
  /** Compare the public API with the package being replaced. */
  readonly apiReport: boolean;
}

export interface Plans {
  /** The configuration file read, if any. */
  readonly configFile?: string | undefined;
  readonly plans: readonly PackagePlan[];
}

export async function resolvePlans(flags: PackageConfig, configFlag: string | undefined): Promise<Plans> {
  const configFile = findConfigFile(configFlag, process.cwd());
  if (configFile === undefined) return { plans: await plansFromFlags(flags) };
  return { configFile, plans: plansFromConfig(loadConfig(configFile), flags) };
}

async function plansFromFlags(flags: PackageConfig): Promise<PackagePlan[]> {
  if (flags.out !== undefined && flags.models === undefined) {
    throw new UsageError("--out needs --model (without --model every model in models/ goes to generated/<name>)");
  }
  const jobs = await planPackages(flags.models, flags.out);
  if (jobs.length > 1 && flags.packageName !== undefined) throw new UsageError("--package-name needs a single model");
  return jobs.map((job) => ({ job, settings: settingsOf(flags), apiReport: flags.apiReport ?? true }));
}

function plansFromConfig(config: LoadedConfig, flags: PackageConfig): PackagePlan[] {
  const single = (["models", "out", "packageName"] as const).filter((k) => flags[k] !== undefined);
  if (single.length > 0 && config.packages.length > 1) {
    const names = single.map((k) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`).join(", ");
    throw new UsageError(`${names} set one package, but ${config.file} configures ${config.packages.length}`);
  }
  return config.packages.map(({ name, config: fromFile }) => {
    const merged: PackageConfig = { ...fromFile, ...definedOnly(flags) };
    const models = merged.models ?? fromFile.models;
    return {
      job: { name, models, out: merged.out ?? fromFile.out },
      settings: settingsOf(merged),
      apiReport: merged.apiReport ?? true,
    };
  });
}

function settingsOf(c: PackageConfig): PackageSettings {
  // A package only for servers trusts @required (the contract's "authoritative" optionality).
  const serverOnly = c.targets !== undefined && !c.targets.includes("client");
  return {
    service: c.service,
    operations: c.operations,
    includeTags: c.includeTags,
    excludeTags: c.excludeTags,
    optionality: c.optionality ?? (serverOnly ? "authoritative" : "client"),
    targets: c.targets,
    populateDefaults: c.populateDefaults,
    protocol: c.protocol,
    packageName: c.packageName,
    packageVersion: c.packageVersion,
    typecheck: c.typecheck ?? true,
    allowUnknownTraits: c.allowUnknownTraits,
  };
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
