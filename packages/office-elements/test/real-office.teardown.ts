// Global setup of the browser project: nothing to start (the real-server harness starts on first use), and at the
// end of the run the hub child process and the office server stop if a test started them.
import { stopRealOffice } from './real-office.js';

export default function setup(): () => Promise<void> {
  return () => stopRealOffice();
}
