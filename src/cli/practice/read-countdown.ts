import { createPrompt, isEnterKey, useEffect, useKeypress, useRef, useState } from '@inquirer/core';

/**
 * A few seconds to read the question before the clock starts, counted down on screen; Enter
 * starts it at once. Ctrl-C ends the session, as at any prompt.
 */
export const readCountdown = createPrompt<void, { seconds: number }>((config, done) => {
  const [status, setStatus] = useState<'reading' | 'done'>('reading');
  const [, setTick] = useState(0);
  const deadline = useRef(Date.now() + config.seconds * 1000);
  const settled = useRef(false);
  const finish = (): void => {
    if (settled.current) return;
    settled.current = true;
    setStatus('done');
    done();
  };
  useEffect(() => {
    const timer = setInterval(() => {
      if (Date.now() >= deadline.current) {
        clearInterval(timer);
        finish();
      } else setTick((n: number) => n + 1);
    }, 250);
    return () => clearInterval(timer);
  }, []);
  useKeypress((key) => {
    if (status === 'reading' && isEnterKey(key)) finish();
  });
  if (status === 'done') return 'The clock has started.';
  const left = Math.max(1, Math.ceil((deadline.current - Date.now()) / 1000));
  return `Read the question: the clock starts in ${left} s (Enter to start now)`;
});
