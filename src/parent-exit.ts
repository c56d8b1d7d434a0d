/**
 * Calls `onExit` once when this process's parent goes away (it is then re-parented, so `ppid` changes). `npm start`
 * runs the bot under npm and a shell; a supervisor that signals only npm's pid ends those two and leaves the bot
 * running unless it notices. Node has no parent-death signal, so poll.
 */
export function onParentExit(onExit: () => void, everyMs = 500): () => void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    onExit();
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
