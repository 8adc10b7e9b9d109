// Rendering only: the transcript, phase progress and the evaluation report. Server text always goes in as text.
import { $, el } from './dom.js';
import { addClip, beginLine, stopAll } from './playback.js';
const DEFAULT_PHASES = ['intro', 'technical', 'behavioral', 'closing'];
const RECOMMENDATIONS = { strong_no: 'Strong no', no: 'No', yes: 'Yes', strong_yes: 'Strong yes' };
let playing = null;

const label = name => name.charAt(0).toUpperCase() + name.slice(1).replaceAll('_', ' ');

/** One utterance with its caption. live: a new line, so the interviewer's is announced and played (unless heard already). */
export function addLine(turn, index, live, heard = false) {
  const interviewer = turn.role === 'interviewer';
  const who = interviewer ? 'Interviewer' : 'You';
  const caption = el('span', { id: `line-${index}`, className: 'text' }, turn.content || '(no words were recognised)');
  const line = el('li', { className: turn.role }, el('span', { className: 'who' }, `${who}:`), caption);
  if (turn.audio_url) {
    const audio = el('audio', { controls: true, preload: 'none', src: turn.audio_url });
    audio.setAttribute('aria-label', `${who}, spoken`);
    audio.setAttribute('aria-describedby', caption.id);
    line.append(audio);
    if (live && interviewer && !heard) {
      playing?.pause();
      playing = audio;
      beginLine();
      addClip(audio, turn.content);
      audio.play().catch(() => {}); // autoplay may be refused; the controls stay
    }
  }
  $('transcript').append(line);
  if (live && interviewer) $('announcer').textContent = turn.content;
}

/** The candidate is about to speak: the interviewer stops, and is not recorded or echo-cancelled into the answer. */
export const stopPlayback = () => {
  playing?.pause();
  live?.stop();
  stopAll();
};

let live = null;

/**
 * The interviewer's line while it streams in: the words as they come, each sentence played as soon as its audio
 * arrives, in order. A reset starts the line over (the model's first reply was replaced). finish() removes the
 * placeholder; the transcript then shows the stored line, and says whether any sentence was heard.
 */
export function liveLine() {
  live?.stop();
  const caption = el('span', { className: 'text' });
  const line = el('li', { className: 'interviewer pending' }, el('span', { className: 'who' }, 'Interviewer:'), caption);
  $('transcript').append(line);
  beginLine();
  const queue = [];
  let current = null;
  let heard = 0;
  const next = () => {
    current = queue.shift() || null;
    if (!current) return;
    current.onended = next;
    current.play().then(() => {
      heard++;
      document.body.dataset.sentencesPlayed = String(Number(document.body.dataset.sentencesPlayed || 0) + 1);
    }).catch(next); // autoplay refused: the full line keeps its controls
  };
  live = {
    heard: text => {
      $('transcript').insertBefore(el('li', { className: 'candidate pending' }, el('span', { className: 'who' }, 'You:'), text), line);
    },
    text: (delta, reset) => { caption.textContent = (reset ? '' : caption.textContent) + delta; },
    audio: (url, words) => { const clip = new Audio(url); addClip(clip, words); queue.push(clip); if (!current) next(); },
    reset: () => { queue.length = 0; current?.pause(); current = null; beginLine(); }, // what was played is withdrawn too
    stop: () => { queue.length = 0; current?.pause(); },
    finish: () => {
      document.querySelectorAll('#transcript .pending').forEach(n => n.remove());
      live = null;
      return heard > 0 || current !== null;
    },
  };
  return live;
}

/** The plan's phases are not on the wire: show those seen so far, then the usual ones still ahead. */
export function showPhases(state) {
  const seen = [];
  for (const p of [...state.conversation_history.map(t => t.phase), state.current_phase]) {
    if (p && !seen.includes(p)) seen.push(p);
  }
  const lastDefault = Math.max(-1, ...seen.map(p => DEFAULT_PHASES.indexOf(p)));
  const phases = [...seen, ...DEFAULT_PHASES.slice(lastDefault + 1).filter(p => !seen.includes(p))];
  const current = state.status === 'active' ? phases.indexOf(state.current_phase) : phases.length;
  $('phases').replaceChildren(...phases.map((p, i) => {
    const item = el('li', { className: i < current ? 'done' : '' }, label(p));
    if (i === current) item.setAttribute('aria-current', 'step');
    if (i < current) item.append(el('span', { className: 'visually-hidden' }, ' (done)'));
    return item;
  }));
}

export function showReport(report) {
  if (report.status === 'failed') {
    const reason = report.reason || 'no reason was given';
    $('report').replaceChildren(el('p', { className: 'failed' }, `The evaluation could not be completed: ${reason}.`));
    return;
  }
  const { score, recommendation, summary } = report.overall;
  const list = (title, items) => items?.length ? [el('h3', {}, title), el('ul', {}, ...items.map(i => el('li', {}, i)))] : [];
  $('report').replaceChildren(
    el('p', { className: 'score' }, `Overall ${score} / 5 · ${RECOMMENDATIONS[recommendation] || recommendation}`),
    el('p', {}, summary),
    el('h3', {}, 'Competencies'),
    el('ul', { id: 'competencies' }, ...report.competencies.map(c => el('li', {},
      el('strong', {}, `${label(c.name)}: ${c.score} / 5`), ` ${c.rationale}`,
      ...c.evidence.map(e => el('blockquote', {}, `“${e.quote}” `,
        el('small', {}, '(', el('a', { href: `#line-${e.turn}` }, `transcript line ${e.turn + 1}`), ')')))))),
    ...list('Strengths', report.strengths),
    ...list('Concerns', report.concerns));
}
