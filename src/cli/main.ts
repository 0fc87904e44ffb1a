import { createRequire } from 'node:module';
import type { Command as CommandType, Option as OptionType } from 'commander';
import { inert } from '../render/inert.js';
import { CliError, EXIT } from './errors.js';
import { guardStandardStreams } from './write-errors.js';
import { helpWidth, wrapHelp } from './help-text.js';
import { didYouMean } from '../io/did-you-mean.js';

// commander is CommonJS: require() loads it in about half the time of an ESM import, which
// every command's start-up (and practice's first prompt) pays.
const { Argument, Command, CommanderError, InvalidArgumentError, Option } = createRequire(import.meta.url)('commander') as typeof import('commander');
type Command = CommandType;
type Option = OptionType;

// Command modules are imported only when their command runs, so `coach --help` stays fast.

const collect = (value: string, previous: string[]): string[] => [...previous, value];

function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new InvalidArgumentError('expected a whole number from 1 to 64.');
  return n;
}

const STDIN_FORMATS = ['yaml', 'json', 'jsonl', 'csv', 'text', 'vtt', 'srt'];

const EXIT_CODES = `
Exit codes:
  0  success
  1  findings: an answer fell below --fail-under (score), or the rubric has problems (bank validate)
  2  an input or rubric could not be read, the output could not be written, or the command line is wrong (an unknown command, option, candidate...)`;

function rubricsOption(): Option {
  return new Option('--rubrics <dir>', 'extra rubric folder: adds its questions/ and indicators/, or replaces the bundled rubric if it has competencies.yaml (repeatable)').argParser(collect).default([]);
}

/** Help text after the options, wrapped to the terminal (80 columns when not a terminal) when shown. */
const after = (text: string) => (): string => wrapHelp(text);

async function run(action: () => Promise<number>): Promise<void> {
  process.exitCode = await action();
}

export function buildProgram(): Command {
  const program = new Command('coach');
  // commander's own errors quote the command line (an option, a file name): inert, like all data.
  // Set before the subcommands are made, which copy it.
  program.configureOutput({ writeErr: (s) => process.stderr.write(inert(s)), outputError: (s, write) => write(s) });
  program
    .description('Practise and score customer-service interview answers (STAR) against low / medium / high service levels.')
    .version('0.1.0', '-V, --version')
    // commander leaves a description unwrapped when its column is under 40 wide (a terminal
    // under about 75 columns); 20 keeps it wrapped down to a 55-column terminal.
    .configureHelp({ helpWidth: helpWidth(), minWidthToWrap: 20 })
    .option('--no-color', 'no colour in the output (NO_COLOR is honoured too)')
    .showHelpAfterError('(run with --help for usage)')
    .allowExcessArguments(true)
    .addHelpText('after', after(`
Examples:
  coach                                    practise (same as coach practice)
  coach practice --competency teamwork     rehearse with feedback on each answer
  coach score examples/answers.yaml        score a file of answers
  coach score examples/ --json > out.json  score a folder, machine-readable
  coach eval examples/labelled.yaml        agreement with human labels
  coach candidates                         candidates in the history
  coach bank list --competency teamwork    questions in the bank

What low, medium and high mean, and the sources they are drawn from: docs/levels.md in the
coach repository (and coach bank show drake-top-priority, say, for one source).
${EXIT_CODES}`));

  const dataOption = (): Option => new Option('--data <dir>', 'where history is kept (default: $COACH_DATA_DIR, else $XDG_DATA_HOME/coach, else ~/.local/share/coach)');
  program
    .command('score')
    .description('Score answers: level, 0-100 score, STAR parts, indicators with evidence, next steps.')
    .argument('[inputs...]', 'answer files (.yaml .json .jsonl .csv .txt .md), transcripts (.vtt .srt), folders (read recursively), or - for standard input')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'jsonl', 'csv', 'markdown', 'html']).default('text'))
    .option('--json', 'short for --format json')
    .option('-q, --question <text>', 'the question, for .txt/.md answers, transcripts and records without one')
    .option('-c, --competency <id>', 'the competency, for answers that name none (otherwise inferred from the question)')
    .addOption(new Option('--stdin-format <format>', 'format of standard input (default: detected)').choices(STDIN_FORMATS))
    .option('--speaker <name>', 'in transcripts: score only this person\'s turns (case-insensitive), not the interviewer\'s')
    .addOption(new Option('--fail-under <level>', 'exit 1 if any answer scores below this level').choices(['low', 'medium', 'high']))
    .option('--candidate <name>', 'file the scored answers under this candidate in the history (for coach report)')
    .option('--force', 'with --candidate: file again answers already filed under the candidate (by default they are scored, not filed twice)')
    .option('-j, --jobs <n>', 'threads that score: this one and N-1 worker threads (default: the number of cores)', parseJobs)
    .option('--quiet', 'no progress bar on standard error')
    .option('-o, --output <file>', 'write to this file instead of standard output')
    .option('--ignore <glob>', 'leave out files in folders that match (gitignore syntax, as in a .coachignore file; repeatable)', collect, [])
    .addOption(dataOption())
    .addOption(rubricsOption())
    .addHelpText('after', after(`
Input records have question, answer, and optionally id and competency. CSV needs the header id,question,competency,answer. A .txt or .md answer gives its question in front matter (a line "---", then "question: ..." and optionally "competency: ...", then "---") or with -q. A bad record or file is reported (file:line:column) and skipped; the rest are scored. Inputs = scored + failed, always.

Spoken answers: a WebVTT or SRT transcript (whisper.cpp -ovtt/-osrt, Zoom, Teams, captioning tools) is scored on its words, with -q for its question, or from a record that points at it (transcript: FILE, relative to the record's file, instead of answer). Where cues name speakers, --speaker NAME (or speaker: in the record) keeps that person's turns. Each result has a delivery: speaking time, words a minute, pauses over 2 s and fillers a minute, measured from the timings (estimated from the word count for typed answers); timings never change the level.

Folders are read recursively. Left out: names starting with ".", files matching --ignore or a line of the folder's .coachignore, project files (README, LICENSE, package.json...), and .txt/.md files without front matter naming their question (unless -q gives one).

Input is streamed, and every format but html is written as it is scored: text, json, markdown, jsonl and csv hold only the counts (and the first 10,000 errors, for json and markdown), so memory stays flat however large the input; html keeps counts and a few example answers per competency for its report. The output keeps the input's order. A line or CSV row over 200,000 bytes is refused unread. Errors are written as they are found. Ctrl-C (or SIGTERM, SIGHUP) with --candidate files what was scored, then exits. Past 500 answers, --jobs threads score in parallel. A run longer than a second shows a progress bar on standard error when it is a terminal (--quiet hides it).

Examples:
  coach score examples/answers.yaml
  coach score examples/
  coach score examples/answer.txt
  coach score examples/answer.txt -q "How do you help a customer?" -c customer-focus
  coach score examples/ --ignore "*.csv" --format csv -o scores.csv
  cat examples/answers.jsonl | coach score - --format jsonl
  coach score examples/answers.yaml --fail-under medium && echo "all medium+"
  coach score examples/answers.jsonl --format jsonl --jobs 2 > scores.jsonl
  coach score examples/spoken/swimming.vtt -q "Tell me about a time you helped an upset customer."
  coach score examples/spoken/interview.zoom.vtt --speaker "Amir Haddad" -q "Tell me about a time you helped an upset customer."
  coach score examples/spoken/answers.yaml --format csv
  cat examples/spoken/swimming.srt | coach score - --stdin-format srt -q "Tell me about a time you helped an upset customer."
${EXIT_CODES}`))
    .action((inputs: string[], opts, cmd: Command) => run(async () => {
      const { runScore } = await import('./commands/score.js');
      return runScore(inputs, { ...opts, color: cmd.optsWithGlobals()['color'] });
    }));

  program
    .command('eval')
    .description('Score labelled answers (format of docs/levels.md) and measure agreement with the labels.')
    .argument('<files...>', 'labelled YAML files or folders (or - for standard input)')
    .option('--json', 'machine-readable report')
    .option('-q, --question <text>', 'the question, for records and transcripts without one')
    .option('-c, --competency <id>', 'the competency, for answers that name none')
    .addOption(new Option('--stdin-format <format>', 'format of standard input (default: yaml)').choices(STDIN_FORMATS))
    .option('--speaker <name>', 'in transcripts: score only this person\'s turns (case-insensitive)')
    .option('--ignore <glob>', 'leave out files in folders that match (gitignore syntax; repeatable)', collect, [])
    .addOption(rubricsOption())
    .addHelpText('after', after(`
Prints exact agreement, agreement within one level, quadratic weighted kappa, the confusion matrix, STAR precision/recall/F1 per part (over the answers whose labels give expected.star; none are shown when no answer does), a per-competency breakdown, and every disagreement: the answer's id, the label's level, the coach's level and the coach's reason. Each answer is scored exactly as coach score does; the expected label is only compared.

A labelled record may point at a transcript instead of giving its answer (transcript: FILE, and speaker: NAME where it names several): the transcript's words are scored as typed words would be.

Examples:
  coach eval examples/labelled.yaml
  coach eval test/fixtures/labelled/ --json > agreement.json
  coach eval examples/spoken/labelled.yaml
${EXIT_CODES}`))
    .action((files: string[], opts, cmd: Command) => run(async () => {
      const { runEval } = await import('./commands/eval.js');
      return runEval(files, { ...opts, color: cmd.optsWithGlobals()['color'] });
    }));

  const practice = (opts: Record<string, unknown>, cmd: Command): Promise<void> => run(async () => {
    const { runPractice } = await import('./commands/practice.js');
    return runPractice({ ...opts, rubrics: (opts['rubrics'] as string[] | undefined) ?? [], color: cmd.optsWithGlobals()['color'] } as Parameters<typeof runPractice>[0]);
  });
  program
    .command('practice')
    .description('Rehearse answers at the terminal: feedback after each one, retries, model answers, history.')
    .option('--set <name>', 'a question set for a role, run in order (retail, hospitality, call-centre, banking, graduate-scheme, or your own)')
    .option('--competency <id>', 'questions from this competency (with --ask: the competency of your question)')
    .option('--question <id>', 'this bank question (see coach bank list)')
    .addOption(new Option('--count <n>', 'how many questions').argParser((v) => Number.parseInt(v, 10)))
    .option('--mock', 'a mock interview: questions back to back (5 across competencies unless --count, --set or --focus), a few seconds to read each, feedback in a debrief at the end')
    .option('--follow-ups <n>', 'follow-up questions the interviewer asks after each answer: 0, 1 or 2 (default 1)')
    .option('--ask <question>', 'practise a question of your own (from a job advert, say): its competency and kind are read from it')
    .addOption(new Option('--kind <kind>', 'with --ask: the kind of question, instead of the one read from its wording').choices(['behavioural', 'situational', 'opinion']))
    .option('--focus <what>', 'weakest: questions from the competencies and behaviours your history shows weakest or never practised')
    .addOption(new Option('--mode <mode>', 'how to answer (transcript: from a recording\'s .vtt or .srt transcript)').choices(['free', 'guided', 'editor', 'transcript']))
    .addOption(new Option('--time <seconds>', 'answer against a visible countdown, as in a real interview').argParser((v) => Number.parseInt(v, 10)))
    .option('--candidate <name>', 'file the answers under this candidate (for advisers)')
    .option('--adviser', 'after the coach\'s feedback, record your own level and comment beside it')
    .addOption(dataOption())
    .addOption(rubricsOption())
    .addHelpText('after', after(`
Answer freely in a small editor (arrows, Home and End move anywhere; Enter for a new line; Ctrl-D to finish), part by part with guided STAR, in $VISUAL / $EDITOR (the question is in the file as # lines), or from a recording's transcript (--mode transcript: give a .vtt or .srt file's path, or paste its text; its pace, pauses and fillers are shown beside the level). After each answer the interviewer asks a follow-up question about its biggest gap (no result, nothing you did yourself, the need never asked about...); your reply is scored with the answer, and the feedback says what it added. Then: the level and score, why, and the next step, with the full feedback on request (your sentences tagged with the STAR parts they show, what is shown and missing, every next step with its source). Then try again by editing your answer and see what changed, or read the guidance and model answers. Every answer is saved as it is given; Ctrl-C ends the session, keeps them, keeps what you were typing as a draft, and exits with code 130. Pasted text keeps its line breaks (Windows line endings too).

Examples:
  coach practice
  coach practice --competency problem-solving --count 3
  coach practice --question customer-focus-01 --mode guided --follow-ups 2
  coach practice --mock --time 120
  coach practice --ask "Tell me about a time you calmed down an angry customer."
  coach practice --focus weakest
  coach practice --set retail --candidate "Sam Patel" --adviser
${EXIT_CODES}
  130  Ctrl-C ended coach practice (everything typed was saved)`))
    .action((opts, cmd: Command) => practice(opts, cmd));

  program
    .command('history')
    .description('List past practice sessions.')
    .addOption(dataOption())
    .option('--json', 'machine-readable')
    .addHelpText('after', after(`\nExamples:\n  coach history\n  coach history --json\n${EXIT_CODES}`))
    .action((opts, cmd: Command) => run(async () => (await import('./commands/history.js')).runHistory({ ...opts, color: cmd.optsWithGlobals()['color'] })));

  program
    .command('progress')
    .description('Level and score over time, per competency.')
    .addOption(dataOption())
    .option('--competency <id>', 'only this competency')
    .option('--json', 'machine-readable')
    .addHelpText('after', after(`\nExamples:\n  coach progress\n  coach progress --competency teamwork --json\n${EXIT_CODES}`))
    .action((opts, cmd: Command) => run(async () => (await import('./commands/history.js')).runProgress({ ...opts, color: cmd.optsWithGlobals()['color'] })));

  program
    .command('candidates')
    .description('List the candidates in the history: answers, sessions, answers reviewed, last session.')
    .addOption(dataOption())
    .option('--json', 'machine-readable')
    .addHelpText('after', after(`
Names match without regard to case or spacing wherever --candidate is given ("sam patel" finds Sam Patel); a name that matches none is an error (exit 2) that suggests the nearest.

Examples:
  coach candidates
  coach candidates --json
${EXIT_CODES}`))
    .action((opts, cmd: Command) => run(async () => (await import('./commands/candidates.js')).runCandidates({ ...opts, color: cmd.optsWithGlobals()['color'] })));

  // `coach` alone starts practising at a terminal, and shows help elsewhere. A word that is not
  // a command is an error with the nearest command suggested.
  program.action((_opts, cmd: Command) => {
    const stray = cmd.args[0];
    if (stray !== undefined) {
      const names = program.createHelp().visibleCommands(program).flatMap((c) => [c.name(), ...c.aliases()]);
      return Promise.reject(new CliError(`unknown command "${stray}"${didYouMean(stray, names) || ` (commands: ${names.join(', ')})`}; see coach --help`));
    }
    return process.stdin.isTTY && process.stdout.isTTY ? practice({}, cmd) : Promise.resolve(program.help());
  });

  program
    .command('report')
    .description('A candidate\'s report from the practice history, or with --by candidate, one table across a workshop\'s answer files.')
    .argument('[inputs...]', 'with --by candidate: answer files or folders (each record\'s candidate, else the file name)')
    .option('--candidate <name>', 'only this candidate\'s answers')
    .option('--since <date>', 'only answers from this date (YYYY-MM-DD)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'markdown', 'html', 'json', 'csv']).default('text'))
    .addOption(new Option('--by <what>', 'one row per candidate across the inputs').choices(['candidate']))
    .option('-o, --output <file>', 'write to this file instead of standard output')
    .addOption(dataOption())
    .addOption(rubricsOption())
    .addHelpText('after', after(`
Per competency: the level and score, STAR coverage, the strongest answer, the most useful next steps with their sources, progress over sessions, and the adviser's comments. HTML is one self-contained file (inline CSS and SVG charts, no network), safe to hand over and to print. Candidate names match without regard to case (see coach candidates).

Examples:
  coach report --candidate "Sam Patel" --format html -o sam.html
  coach report --since 2026-11-01 --format markdown
  coach report --by candidate examples/ --format csv > cohort.csv
  coach score examples/answers.yaml --format html > batch.html
${EXIT_CODES}`))
    .action((inputs: string[], opts, cmd: Command) => run(async () => (await import('./commands/report.js')).runReport(inputs, { ...opts, color: cmd.optsWithGlobals()['color'] })));

  program
    .command('export')
    .description('Export answers an adviser judged, in the labelled format of docs/levels.md, for coach eval.')
    .option('--labelled', 'answers with the adviser\'s level as the expected one')
    .option('--candidate <name>', 'only this candidate')
    .option('-o, --output <file>', 'write to this file instead of standard output')
    .addOption(dataOption())
    .addHelpText('after', after(`
Check the coach against your own judgement before trusting it: record your levels with coach practice --adviser, export them, and measure agreement: coach eval lists every answer you and the coach disagree on.

Examples:
  coach export --labelled -o mine.yaml && coach eval mine.yaml
  coach export --labelled --candidate "Sam Patel"
${EXIT_CODES}`))
    .action((opts) => run(async () => (await import('./commands/export.js')).runExport(opts)));

  const bank = program.command('bank').description('Show and validate question banks and rubrics.');
  bank.addHelpText('after', after(`
Examples:
  coach bank list
  coach bank show teamwork-02
  coach bank show drake-top-priority
  coach bank validate examples/my-bank/
${EXIT_CODES}`));
  bank
    .command('list')
    .description('List the questions in the bank.')
    .option('--competency <id>', 'only this competency')
    .addOption(new Option('--kind <kind>', 'only this kind of question').choices(['behavioural', 'situational', 'opinion']))
    .option('--json', 'machine-readable list')
    .addOption(rubricsOption())
    .addHelpText('after', after(`\nExamples:\n  coach bank list --competency integrity --kind situational\n  coach bank list --json\n${EXIT_CODES}`))
    .action((opts, cmd: Command) => run(async () => (await import('./commands/bank.js')).runBankList({ ...opts, color: cmd.optsWithGlobals()['color'] })));
  bank
    .command('show')
    .description('Show a question (with its guidance), a competency (with its indicators), an indicator (with its cues and source), a question set, or a source document (with the indicators drawn from it).')
    .argument('<id>', 'question, competency, indicator, set or source id')
    .option('--json', 'machine-readable')
    .addOption(rubricsOption())
    .addHelpText('after', after(`\nExamples:\n  coach bank show customer-focus-01\n  coach bank show teamwork\n  coach bank show probes-need\n  coach bank show call-centre\n  coach bank show times-customer-focus\n${EXIT_CODES}`))
    .action((id: string, opts, cmd: Command) => run(async () => (await import('./commands/bank.js')).runBankShow(id, { ...opts, color: cmd.optsWithGlobals()['color'] })));
  bank
    .command('validate')
    .description('Check rubric folders or files; problems are printed as file:line:column: message.')
    .argument('[paths...]', 'rubric folders or YAML files (default: the bundled rubric and --rubrics)')
    .option('--json', 'machine-readable list of problems')
    .addOption(rubricsOption())
    .addHelpText('after', after(`
A folder with competencies.yaml is checked on its own; other folders and files are checked with the bundled rubric they extend (their competencies and sources must exist there).

Examples:
  coach bank validate
  coach bank validate examples/my-bank/questions/retail.yaml
  coach bank validate examples/my-bank/ --json
${EXIT_CODES}`))
    .action((paths: string[], opts, cmd: Command) => run(async () => (await import('./commands/bank.js')).runBankValidate(paths, { ...opts, color: cmd.optsWithGlobals()['color'] })));

  program
    .command('completion')
    .description('Print the Tab-completion script for bash, zsh or fish.')
    .addArgument(new Argument('<shell>', 'the shell').choices(['bash', 'zsh', 'fish']))
    .addHelpText('after', after(`
The script asks coach itself for the words on each Tab, so the commands, options and names it offers are always those of the coach on your PATH: competency and question ids and set names from the rubric (with any --rubrics on the line), candidates from the history (--data on the line, or where coach keeps it). File arguments complete as file names. Install it once, as below, then open a new shell.

Examples:
  coach completion bash >> ~/.bashrc
  coach completion zsh >> ~/.zshrc
  coach completion fish >> ~/.config/fish/config.fish

For zsh, the script must come after compinit in ~/.zshrc (frameworks such as oh-my-zsh run it). To try it in the current shell only: source <(coach completion bash) in bash or zsh, coach completion fish | source in fish.
${EXIT_CODES}`))
    .action((shell: 'bash' | 'zsh' | 'fish') => run(async () => (await import('./commands/completion.js')).runCompletionScript(shell)));

  // What the completion script runs on each Tab: `coach completion-server -- coach WORDS...`
  // (the name is the library's). Hidden from help; everything after -- is words, not options.
  program
    .command('completion-server', { hidden: true })
    .argument('[words...]')
    .allowUnknownOption()
    .helpOption(false)
    .action((words: string[]) => run(async () => (await import('./completion/serve.js')).serveCompletion(words, program)));

  return program;
}

/** Runs the CLI; user errors print one clear line (no stack) and set the exit code. */
export async function main(argv: string[]): Promise<void> {
  guardStandardStreams();
  const program = buildProgram();
  program.exitOverride();
  for (const c of program.commands) {
    c.exitOverride();
    for (const sub of c.commands) sub.exitOverride();
  }
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      const okCodes = ['commander.helpDisplayed', 'commander.version', 'commander.help'];
      process.exitCode = okCodes.includes(e.code) ? EXIT.ok : EXIT.fatal;
      return;
    }
    if (e instanceof CliError) {
      process.stderr.write(`coach: ${inert(e.message)}\n`);
      process.exitCode = e.exitCode;
      return;
    }
    const err = e as Error;
    process.stderr.write(`coach: internal error: ${inert(String(err?.message ?? e))}\n`);
    if (process.env['COACH_DEBUG']) process.stderr.write(`${err?.stack ?? ''}\n`);
    process.exitCode = EXIT.fatal;
  }
}
