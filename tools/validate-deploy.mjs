// Offline checks of everything under deploy/, helm/ and docker-compose.yml; no Grafana, helm, Kubernetes or
// Docker engine needed. Prints "ok <check>" or "FAIL <check>: <reason>" per check and exits 1 when any
// check fails. Run from anywhere: node tools/validate-deploy.mjs
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv from "ajv";
import YAML from "yaml";
import { renderChart } from "./helm-render.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const failures = [];

function check(name, action) {
  try {
    const detail = action();
    console.log(`ok   ${name}${detail ? ` (${detail})` : ""}`);
  } catch (error) {
    failures.push(name);
    console.log(`FAIL ${name}: ${error.message}`);
  }
}

function files(folder, pattern) {
  const found = [];
  for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...files(path, pattern));
    else if (pattern.test(entry.name)) found.push(path);
  }
  return found.sort();
}

function run(tool, args) {
  try {
    return execFileSync(tool, args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    if (error.code === "ENOENT") throw new Error(`${tool} is not on PATH; install it (Debian package ${tool})`);
    throw new Error(`${tool} ${args.join(" ")} failed:\n${error.stdout ?? ""}${error.stderr ?? ""}`);
  }
}

function onPath(tool) {
  return (process.env.PATH ?? "").split(":").some((folder) => existsSync(join(folder, tool)));
}

function ajvErrors(validate) {
  return validate.errors.map((e) => `${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`).join("; ");
}

// The dashboard JSON schema, generated from the Dashboard type of @grafana/schema (it ships TypeScript types,
// no JSON schema) and cached per package version, because generating it takes about 30 s.
function dashboardSchema() {
  const schemaPackage = require.resolve("@grafana/schema/package.json");
  const version = JSON.parse(readFileSync(schemaPackage, "utf8")).version;
  const cache = join(root, "node_modules", ".cache", "fer-validate", `grafana-dashboard-${version}.schema.json`);
  if (existsSync(cache)) return JSON.parse(readFileSync(cache, "utf8"));

  const types = join(dirname(schemaPackage), "dist", "types", "raw", "dashboard", "x", "types.gen.d.ts");
  const { createGenerator } = require("ts-json-schema-generator");
  const schema = createGenerator({ path: types, type: "Dashboard", skipTypeCheck: true, topRef: true }).createSchema("Dashboard");
  mkdirSync(dirname(cache), { recursive: true });
  writeFileSync(cache, JSON.stringify(schema));
  return schema;
}

function checkDashboards() {
  const provisioned = YAML.parse(readFileSync(join(root, "deploy/grafana/provisioning/datasources/prometheus.yml"), "utf8"));
  const uids = new Set(provisioned.datasources.map((d) => d.uid));
  let validate;
  check("grafana dashboard schema from @grafana/schema", () => {
    validate = new Ajv({ allErrors: true, strict: false }).compile(dashboardSchema());
  });
  if (!validate) return;
  check("grafana dashboard schema rejects a panel field it does not define", () => {
    if (validate({ schemaVersion: 41, panels: [{ type: "stat", id: 1, query: "up" }] })) {
      throw new Error("a panel with an unknown field passed, so the schema checks nothing");
    }
  });

  const dashboards = files("deploy/grafana/dashboards", /\.json$/);
  if (dashboards.length === 0) failures.push("grafana dashboards: none found");
  for (const file of dashboards) {
    check(`grafana dashboard ${file}`, () => {
      const dashboard = JSON.parse(readFileSync(join(root, file), "utf8"));
      if (!validate(dashboard)) throw new Error(ajvErrors(validate));
      const ids = dashboard.panels.map((p) => p.id);
      if (new Set(ids).size !== ids.length) throw new Error(`panel ids repeat: ${ids.join(", ")}`);
      const refs = [...dashboard.panels, ...dashboard.panels.flatMap((p) => p.targets ?? []), ...dashboard.templating.list]
        .map((x) => x.datasource?.uid).filter(Boolean);
      const unknown = refs.filter((uid) => !uids.has(uid));
      if (unknown.length > 0) throw new Error(`datasource uid ${unknown[0]} is not provisioned (${[...uids].join(", ")})`);
      const empty = dashboard.panels.filter((p) => (p.targets ?? []).some((t) => !t.expr));
      if (empty.length > 0) throw new Error(`panel "${empty[0].title}" has a target without expr`);
      return `${dashboard.panels.length} panels`;
    });
  }
}

// Kubernetes models by apiVersion: "apps/v1" -> kubernetes-models/apps/v1, "v1" -> kubernetes-models/v1.
async function validateManifest(manifest, where) {
  const module = await import(`kubernetes-models/${manifest.apiVersion}/${manifest.kind}`).catch(() => {
    throw new Error(`${where}: no kubernetes-models schema for ${manifest.apiVersion} ${manifest.kind}`);
  });
  try {
    new module[manifest.kind](manifest).validate();
  } catch (error) {
    throw new Error(`${where} (${manifest.kind} ${manifest.metadata?.name}): ${error.message}`);
  }
}

async function checkChart() {
  const values = YAML.parse(readFileSync(join(root, "helm/values.yaml"), "utf8"));
  const schema = JSON.parse(readFileSync(join(root, "helm/values.schema.json"), "utf8"));
  const validateValues = new Ajv({ allErrors: true, strict: false }).compile(schema);
  check("helm values.yaml against values.schema.json", () => {
    if (!validateValues(values)) throw new Error(ajvErrors(validateValues));
  });

  check("helm values.schema.json rejects gpuSilo.gpus 0 and an unknown key", () => {
    const broken = { ...values, gpuSilo: { ...values.gpuSilo, gpus: 0 }, extra: true };
    if (validateValues(broken)) throw new Error("the broken values passed, so the schema checks nothing");
    const paths = validateValues.errors.map((e) => e.instancePath || e.params.additionalProperty);
    if (!paths.includes("/gpuSilo/gpus") || !paths.includes("extra")) throw new Error(`errors: ${ajvErrors(validateValues)}`);
  });

  const selfCheck = "kubernetes-models rejects a Deployment with replicas as text";
  const rejected = await validateManifest({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "x" },
    spec: { replicas: "one", selector: {}, template: {} } }, "self-check").then(() => false, () => true);
  if (rejected) {
    console.log(`ok   ${selfCheck}`);
  } else {
    failures.push(selfCheck);
    console.log(`FAIL ${selfCheck}: it passed, so the manifest checks check nothing`);
  }

  const variants = {
    "default values": values,
    "createSecret, no GPU silo, no sweep Job": {
      ...values,
      storage: { ...values.storage, createSecret: true, connectionString: "UseDevelopmentStorage=true" },
      gpuSilo: { ...values.gpuSilo, enabled: false },
      sweep: { ...values.sweep, enabled: false },
    },
  };
  for (const [name, variant] of Object.entries(variants)) {
    const results = [];
    check(`helm chart renders with ${name}`, () => {
      if (!validateValues(variant)) throw new Error(`the variant breaks values.schema.json: ${ajvErrors(validateValues)}`);
      for (const { file, text } of renderChart(join(root, "helm"), variant)) {
        for (const document of YAML.parseAllDocuments(text)) {
          if (document.errors.length > 0) throw new Error(`${file}: ${document.errors[0].message}`);
          const manifest = document.toJS();
          if (manifest) results.push({ file, manifest });
        }
      }
      return `${results.length} manifests`;
    });
    for (const { file, manifest } of results) {
      try {
        await validateManifest(manifest, file);
        console.log(`ok   kubernetes-models ${file} (${name})`);
      } catch (error) {
        failures.push(`kubernetes-models ${file}`);
        console.log(`FAIL kubernetes-models ${file} (${name}): ${error.message}`);
      }
    }
    check(`helm chart GPU request with ${name}`, () => {
      const gpu = results.find((r) => r.manifest.metadata.name.endsWith("silo-gpu"));
      const limit = gpu?.manifest.spec.template.spec.containers[0].resources.limits["nvidia.com/gpu"];
      if (variant.gpuSilo.enabled && limit !== variant.gpuSilo.gpus) throw new Error(`nvidia.com/gpu limit is ${limit}`);
      if (!variant.gpuSilo.enabled && gpu) throw new Error("the GPU silo is rendered although gpuSilo.enabled is false");
    });
  }
}

function checkTools() {
  const yamlFiles = [
    ...files("deploy", /\.ya?ml$/),
    "helm/Chart.yaml",
    "helm/values.yaml",
    "docker-compose.yml",
  ];
  check("yamllint", () => {
    run("yamllint", ["--strict", "-c", "tools/yamllint.yml", ...yamlFiles]);
    return `${yamlFiles.length} files`;
  });
  for (const config of files("deploy/prometheus", /\.ya?ml$/)) {
    check(`promtool check config ${config}`, () => { run("promtool", ["check", "config", config]); });
  }
  check("docker-compose config", () => { run("docker-compose", ["-f", "docker-compose.yml", "config", "-q"]); });
  const scripts = [".ci/run", ...files("deploy", /\.sh$/)];
  check("shellcheck", () => { run("shellcheck", scripts); return scripts.join(", "); });
  if (onPath("helm")) {
    check("helm lint", () => { run("helm", ["lint", "helm"]); });
  } else {
    console.log("skip helm lint: no helm binary on PATH");
  }
}

checkDashboards();
await checkChart();
checkTools();
if (failures.length > 0) {
  console.log(`${failures.length} deployment checks failed: ${failures.join("; ")}`);
  process.exit(1);
}
console.log("all deployment checks passed");
