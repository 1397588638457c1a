// Renders the FerOrleans chart without helm, for offline validation. It implements only the subset of Go
// templates that helm/templates uses, and rejects anything else with the file and the action, so the chart
// cannot drift outside what is checked:
//   {{ .Values.a.b }}  {{ .Release.Name }}  {{ .Release.Namespace }}  {{ .Chart.Name }}  {{ .Chart.Version }}
//   {{ X | quote }}  {{ toYaml X | nindent N }}  {{ toYaml X | indent N }}
//   {{ if X }} ... {{ else }} ... {{ end }}, and the {{- and -}} whitespace trims.
// A value path that does not exist is an error (helm would print "<no value>").
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import YAML from "yaml";

const ACTION = /\{\{(-?)\s*(.*?)\s*(-?)\}\}/gs;

/** Splits a template into text and action tokens, applying the whitespace trims. */
function tokenize(source, file) {
  const tokens = [];
  let last = 0;
  for (const match of source.matchAll(ACTION)) {
    let text = source.slice(last, match.index);
    if (match[1] === "-") text = text.replace(/\s+$/, "");
    if (tokens.length > 0 && tokens[tokens.length - 1].trimRight) text = text.replace(/^\s+/, "");
    tokens.push({ kind: "text", text });
    tokens.push({ kind: "action", body: match[2], trimRight: match[3] === "-", file });
    last = match.index + match[0].length;
  }
  let tail = source.slice(last);
  if (tokens.length > 0 && tokens[tokens.length - 1].trimRight) tail = tail.replace(/^\s+/, "");
  tokens.push({ kind: "text", text: tail });
  return tokens;
}

function lookup(path, scope, file) {
  let value = scope;
  for (const part of path.slice(1).split(".")) {
    if (value === null || typeof value !== "object" || !(part in value)) {
      throw new Error(`${file}: ${path} is not set in the values or release`);
    }
    value = value[part];
  }
  return value;
}

function toYaml(value) {
  return YAML.stringify(value, { lineWidth: 0 }).replace(/\n$/, "");
}

function indentLines(text, width) {
  const pad = " ".repeat(width);
  return text.split("\n").map((line) => (line.length > 0 ? pad + line : line)).join("\n");
}

/** Evaluates a pipeline such as `toYaml .Values.x | nindent 4`. */
function evaluate(pipeline, scope, file) {
  let value;
  let first = true;
  for (const command of pipeline.split("|").map((c) => c.trim())) {
    const words = command.split(/\s+/);
    const argument = (word) => (word === undefined ? value : word.startsWith(".") ? lookup(word, scope, file) : word);
    if (first && words.length === 1 && words[0].startsWith(".")) {
      value = lookup(words[0], scope, file);
    } else if (words[0] === "toYaml" && words.length <= 2) {
      value = toYaml(argument(words[1]));
    } else if (words[0] === "quote" && words.length <= 2) {
      value = JSON.stringify(String(argument(words[1])));
    } else if ((words[0] === "nindent" || words[0] === "indent") && words.length === 2 && !first) {
      const text = indentLines(String(value), Number(words[1]));
      value = words[0] === "nindent" ? "\n" + text : text;
    } else {
      throw new Error(`${file}: "{{ ${pipeline} }}" is outside the template subset that tools/helm-render.mjs renders`);
    }
    first = false;
  }
  return value;
}

/** Go template truthiness: false, 0, nil, "" and empty collections are false. */
function truthy(value) {
  if (Array.isArray(value)) return value.length > 0;
  if (value !== null && typeof value === "object") return Object.keys(value).length > 0;
  return Boolean(value);
}

function render(tokens, scope) {
  const output = [];
  const stack = [{ emitting: true }];
  for (const token of tokens) {
    const frame = stack[stack.length - 1];
    if (token.kind === "text") {
      if (frame.emitting) output.push(token.text);
      continue;
    }
    const body = token.body;
    if (body.startsWith("/*")) continue;
    if (body.startsWith("if ")) {
      const condition = frame.emitting && truthy(evaluate(body.slice(3), scope, token.file));
      stack.push({ emitting: condition, parent: frame.emitting, taken: condition });
    } else if (body === "else") {
      if (stack.length === 1) throw new Error(`${token.file}: {{ else }} without {{ if }}`);
      frame.emitting = frame.parent && !frame.taken;
    } else if (body === "end") {
      if (stack.length === 1) throw new Error(`${token.file}: {{ end }} without {{ if }}`);
      stack.pop();
    } else if (frame.emitting) {
      output.push(String(evaluate(body, scope, token.file)));
    }
  }
  if (stack.length !== 1) throw new Error(`${tokens[0]?.file ?? "template"}: {{ if }} without {{ end }}`);
  return output.join("");
}

/**
 * Renders every template of the chart in `chartFolder` with `values` (merged over nothing: pass the whole
 * values object). Returns [{ file, text }] in file-name order.
 */
export function renderChart(chartFolder, values, release = { Name: "fer", Namespace: "default" }) {
  const chart = YAML.parse(readFileSync(join(chartFolder, "Chart.yaml"), "utf8"));
  const scope = { Values: values, Release: release, Chart: { Name: chart.name, Version: chart.version, AppVersion: chart.appVersion } };
  const folder = join(chartFolder, "templates");
  return readdirSync(folder)
    .filter((name) => name.endsWith(".yaml"))
    .sort()
    .map((name) => {
      const file = `templates/${name}`;
      const tokens = tokenize(readFileSync(join(folder, name), "utf8"), file);
      tokens.forEach((t) => { if (t.kind === "action") t.file = file; });
      return { file, text: render(tokens, scope) };
    });
}
