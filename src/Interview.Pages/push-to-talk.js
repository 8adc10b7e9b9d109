// One button, two habits: hold it (pointer, Space or Enter) while talking, or tap it to start and tap again to stop.
const HOLD_MS = 400; // a press held longer than this was a hold

export function pushToTalk(button, { recording, start, stop }) {
  let pressedAt = null;
  let pointerClick = false;

  const press = () => {
    if (recording()) {
      stop();
      pressedAt = null;
    } else {
      pressedAt = performance.now();
      start();
    }
  };
  const release = () => {
    if (pressedAt !== null && recording() && performance.now() - pressedAt > HOLD_MS) stop();
    pressedAt = null;
  };

  button.addEventListener('pointerdown', e => {
    if (e.button !== 0) return;
    pointerClick = true;
    button.setPointerCapture(e.pointerId); // the release counts even if the finger slides off
    press();
  });
  button.addEventListener('pointerup', release);
  button.addEventListener('contextmenu', e => e.preventDefault()); // a long touch is a hold, not a menu
  button.addEventListener('keydown', e => {
    if (e.key !== ' ' && e.key !== 'Enter') return;
    e.preventDefault(); // handled here, so no click follows
    if (!e.repeat) press();
  });
  button.addEventListener('keyup', e => {
    if (e.key === ' ' || e.key === 'Enter') { e.preventDefault(); release(); }
  });
  // A click with no pointer or key before it (a screen reader's) toggles.
  button.addEventListener('click', () => {
    if (pointerClick) pointerClick = false;
    else if (recording()) stop();
    else start();
  });
}
