import { KINDS, type QuestionKind, type RubricData } from '../../core/types.js';
import { inert } from '../../render/inert.js';
import { wrap, type Style } from '../../render/style.js';
import type { Prompts, Scorer } from '../commands/practice.js';
import { CliError } from '../errors.js';
import type { PracticeQuestion } from './score-answer.js';

const KIND_SAYS: Record<QuestionKind, string> = {
  behavioural: 'asks about a time it happened: tell one real story',
  situational: 'asks what you would do: lay out your steps',
  opinion: 'asks for your view: say it, and show it with an example of your own',
};

/** Longest question text taken from --ask (a question from a job advert is a line or two). */
const MAX_QUESTION = 500;

/**
 * A question of the candidate's own (coach practice --ask "..."): its competency and kind read
 * from its wording (or as --competency / --kind give them), shown with the words that decided
 * them, and, at the terminal, open to change before it is practised.
 */
export async function ownQuestion(
  text: string, given: { competency?: string | undefined; kind?: QuestionKind | undefined }, data: RubricData, s: Scorer, p: Prompts, st: Style,
): Promise<PracticeQuestion> {
  const question = text.replace(/\s+/g, ' ').trim();
  if (!question) throw new CliError('--ask needs the question\'s text, e.g. --ask "Tell me about a time you helped a difficult customer."');
  if (question.length > MAX_QUESTION) throw new CliError(`--ask: the question is ${question.length} characters long; at most ${MAX_QUESTION}`);
  const read = s.infer(s.rubric, question);
  let competency = given.competency ?? read.competency;
  let kind = given.kind ?? read.kind;
  const nameOf = (id: string): string => data.competencies.find((c) => c.id === id)?.name ?? id;
  const show = (): void => {
    const from = (words: string[]): string => (words.length ? `, from ${words.map((w) => `"${w}"`).join(', ')}` : '');
    const kindWhy = kind === given.kind ? ' (as you chose)' : kind === read.kind ? (read.kindCue ? from([read.kindCue]) : ', as no wording says otherwise') : ' (as you chose)';
    const compWhy = competency === given.competency ? ' (as you chose)' : competency === read.competency ? (from(read.competencyCues) || ', as nothing in it points elsewhere') : ' (as you chose)';
    process.stdout.write(`${st.bold('Your question:')} ${st.accent(wrap(inert(question), st.width, ''))}\n`);
    process.stdout.write(`${wrap(`Read as ${kind === 'opinion' ? 'an' : 'a'} ${kind} question${inert(kindWhy)}: it ${KIND_SAYS[kind]}. Competency: ${inert(nameOf(competency))}${inert(compWhy)}.`, st.width, '')}\n`);
  };
  show();
  while (given.competency === undefined || given.kind === undefined) {
    const next = await p.select<'go' | 'competency' | 'kind'>({
      message: 'Practise it as read?',
      choices: [
        { name: 'Yes, practise it', value: 'go' },
        ...(given.competency === undefined ? [{ name: 'Change the competency', value: 'competency' as const }] : []),
        ...(given.kind === undefined ? [{ name: 'Change the kind of question', value: 'kind' as const }] : []),
      ],
    });
    if (next === 'go') break;
    if (next === 'competency') {
      competency = await p.select<string>({ message: 'Which competency?', choices: data.competencies.map((c) => ({ name: inert(c.name), value: c.id })) });
    } else {
      kind = await p.select<QuestionKind>({ message: 'Which kind of question?', choices: KINDS.map((k) => ({ name: `${k}: ${KIND_SAYS[k]}`, value: k })) });
    }
    show();
  }
  const c = data.competencies.find((x) => x.id === competency);
  const hints = data.structure.star;
  const guidance = kind === 'behavioural'
    ? `${c?.summary ?? ''} Tell one real story. ${hints.situation.hint} ${hints.task.hint} ${hints.action.hint} ${hints.result.hint}`
    : `${c?.summary ?? ''} ${KIND_SAYS[kind][0]!.toUpperCase()}${KIND_SAYS[kind].slice(1)}, in the first person, as concretely as you can.`;
  return { id: 'your-question', own: true, competency, kind, kindGiven: kind !== read.kind, text: question, guidance: guidance.trim() };
}
