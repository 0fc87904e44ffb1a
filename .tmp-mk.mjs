// test/e2e/report-history.ts
import { appendFileSync, mkdirSync, readFileSync } from "node:fs";
import { join as join2 } from "node:path";
import { parse } from "yaml";

// test/e2e/run-coach.ts
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
var REPO = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
var COACH = join(REPO, "bin", "coach.js");
var FIXTURES = join(REPO, "test", "e2e", "fixtures");
var EXAMPLES = join(REPO, "examples");
if (!existsSync(join(REPO, "dist", "cli", "main.js"))) {
  throw new Error("dist/ is not built: run `npx tsc -p .` (npm test does it) before the e2e tests");
}
function runCoach(args, opts = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== void 0 && !["NO_COLOR", "FORCE_COLOR", "COACH_DEBUG"].includes(k)) env[k] = v;
  }
  for (const [k, v] of Object.entries(opts.env ?? {})) {
    if (v === void 0) delete env[k];
    else env[k] = v;
  }
  const res = spawnSync(process.execPath, [COACH, ...args], {
    cwd: opts.cwd ?? REPO,
    env,
    input: opts.stdin ?? "",
    encoding: "utf8",
    timeout: 2e4,
    maxBuffer: 64 * 1024 * 1024
  });
  if (res.error) throw res.error;
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}
function runCoachJson(args, opts = {}) {
  const r = runCoach(args, opts);
  let json;
  try {
    json = JSON.parse(r.stdout);
  } catch (e) {
    throw new Error(`coach ${args.join(" ")} did not print JSON (exit ${r.code}):
${r.stdout.slice(0, 2e3)}
stderr:
${r.stderr.slice(0, 2e3)}`);
  }
  return { ...r, json };
}

// test/e2e/report-history.ts
var EXAMPLE_ANSWERS = new Map(
  parse(readFileSync(join2(EXAMPLES, "answers.yaml"), "utf8")).map((a) => [a.id, a])
);
var internalId = (at, n) => `${at.replace(/[:.]/g, "-")}-${(12936428 + n).toString(16)}`;
function writeHistory(dir, sessions) {
  mkdirSync(dir, { recursive: true });
  const all = sessions.flatMap((s) => s.answers.map((id) => EXAMPLE_ANSWERS.get(id)));
  const scored = runCoachJson(["score", "-", "--stdin-format", "jsonl", "--format", "json"], { stdin: all.map((a) => JSON.stringify({ question: a.question, competency: a.competency, answer: a.answer })).join("\n") });
  if (scored.code !== 0) throw new Error(scored.stderr);
  const results = scored.json.results;
  const lines = [];
  const ids = [];
  let k = 0;
  sessions.forEach((s, n) => {
    const session = internalId(s.at, n);
    ids.push(session);
    const who = s.candidate ? { candidate: s.candidate } : {};
    lines.push(JSON.stringify({ v: 1, type: "session", session, at: s.at, plan: { how: s.how, count: s.answers.length }, ...who }));
    s.answers.forEach((id, i) => {
      const { id: _id, source: _source, ...assessment } = results[k++];
      const at = new Date(Date.parse(s.at) + (i + 1) * 6e4).toISOString();
      lines.push(JSON.stringify({ v: 1, type: "answer", session, at, attempt: 1, questionId: null, mode: "free", answer: EXAMPLE_ANSWERS.get(id).answer, assessment, ...who }));
      for (const r of s.reviews ?? []) {
        if (r.index === i) lines.push(JSON.stringify({ v: 1, type: "adviser", session, at, questionId: null, attempt: 1, level: r.level, comment: r.comment, ...who }));
      }
    });
  });
  appendFileSync(join2(dir, "history.jsonl"), `${lines.join("\n")}
`);
  return ids;
}
var SAM = [
  { candidate: "Sam Patel", at: "2026-11-17T10:30:00.000Z", how: "set retail", answers: ["ex-01", "ex-02", "ex-03", "ex-06"], reviews: [{ index: 0, level: "low", comment: "" }] },
  { candidate: "Sam Patel", at: "2026-11-24T14:05:00.000Z", how: "competency problem-solving", answers: ["ex-05", "ex-04", "ex-03", "ex-06"], reviews: [{ index: 0, level: "high", comment: "Good probing; say what changed for the customer." }] },
  { candidate: "Sam Patel", at: "2026-12-01T14:05:00.000Z", how: "mock interview of 4", answers: ["ex-08", "ex-04", "ex-07", "ex-09"] }
];
var ANA = [
  { candidate: "Ana Silva", at: "2026-11-20T09:00:00.000Z", how: "set banking", answers: ["ex-07", "ex-09", "ex-04"] },
  { candidate: "Ana Silva", at: "2026-11-27T09:00:00.000Z", how: "random mix", answers: ["ex-01", "ex-02", "ex-05"] }
];

// ../../tmp/rep/mk.ts
import { rmSync } from "node:fs";
rmSync("/tmp/rep/sam", { recursive: true, force: true });
rmSync("/tmp/rep/both", { recursive: true, force: true });
writeHistory("/tmp/rep/sam", SAM);
writeHistory("/tmp/rep/both", [...SAM, ...ANA]);
