// The end-of-turn rule on its own (no browser): how long a pause may last depends on what it follows.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { clauseState, endOfTurnWait, EnergyTail } from '../../src/Interview.Pages/end-of-turn.js';

describe('end of turn', () => {
  test('a complete sentence waits a share of silence_seconds, mid-clause the whole of it', () => {
    const complete = endOfTurnWait({ partialText: 'I led the payments team.', silenceSeconds: 3 });
    const midClause = endOfTurnWait({ partialText: 'I led the payments team and', silenceSeconds: 3 });
    assert.equal(complete, 1800);
    assert.equal(midClause, 3000);
  });

  test('sentence ends and open endings are read from the words', () => {
    for (const text of ['Done.', 'Why do you ask?', 'It worked!', '“That was it.”', 'Fine…']) {
      assert.equal(clauseState(text), 'complete', text);
    }
    for (const text of ['so', 'I went there, um', 'because', 'we tried Kafka,', 'and then the', 'It was, uh']) {
      assert.equal(clauseState(text), 'midClause', text);
    }
    assert.equal(clauseState('I led the payments team'), 'unknown');
    assert.equal(clauseState(''), 'unknown');
  });

  test('"let me think" and a held turn wait the whole period', () => {
    assert.equal(clauseState('Good question, let me think.'), 'thinking');
    assert.equal(endOfTurnWait({ partialText: 'Good question, let me think.', silenceSeconds: 5 }), 5000);
    assert.equal(endOfTurnWait({ partialText: 'That is all.', thinking: true, silenceSeconds: 5 }), 5000);
  });

  test('never longer than silence_seconds and never under a second', () => {
    for (const silenceSeconds of [2, 3, 8, 30]) {
      for (const partialText of ['Done.', 'and', 'word', '']) {
        const wait = endOfTurnWait({ partialText, silenceSeconds });
        assert.ok(wait <= silenceSeconds * 1000 && wait >= 1000, `${partialText} at ${silenceSeconds}: ${wait}`);
      }
    }
    assert.equal(endOfTurnWait({ partialText: 'Done.', silenceSeconds: 1 }), 1000);
  });

  test('without words the energy cue decides: a fade is a finished sentence, a sudden stop is not', () => {
    assert.equal(endOfTurnWait({ silenceSeconds: 3, fallingEnergy: true }), 1800);
    assert.equal(endOfTurnWait({ silenceSeconds: 3, fallingEnergy: false }), 3000);
    assert.equal(endOfTurnWait({ silenceSeconds: 3 }), 2400);
    assert.equal(endOfTurnWait({ partialText: 'and', silenceSeconds: 3, fallingEnergy: true }), 3000, 'words win over energy');
  });

  test('the energy tail sees a fade and a sudden stop', () => {
    const fade = new EnergyTail();
    [0.18, 0.25, 0.27, 0.2, 0.05, 0.03, 0.04].forEach(rms => fade.voiced(rms));
    assert.equal(fade.falling, true);
    const cut = new EnergyTail();
    [0.2, 0.3, 0.19, 0.24, 0.22, 0.02].forEach(rms => cut.voiced(rms)); // the last window straddles the silence
    assert.equal(cut.falling, false, 'one straddling window does not make a fade');
    const short = new EnergyTail();
    [0.2, 0.2].forEach(rms => short.voiced(rms));
    assert.equal(short.falling, null);
  });
});
