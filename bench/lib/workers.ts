/**
 * The Web Workers of a page over the DevTools protocol: every dedicated worker, also one started by another
 * worker, gets a CDP session through Target.setAutoAttach on the session above it. Playwright's CDPSession
 * sends no messages to a flattened child session, so the children are attached without flatten and spoken
 * to through Target.sendMessageToTarget, nested once per level. For the validator page's bench: the heap of
 * each worker (Runtime.getHeapUsage) and CPU profiles of the workers.
 */
import type { CDPSession } from 'playwright-core';

interface Antwoord {
  result?: Record<string, unknown>;
  error?: { message: string };
}

/** A worker's session: the chain of session ids from the page's session down to it. */
export interface WerkerSessie {
  pad: string[];
  url: string;
  /** Still attached (the worker has not ended). */
  actief: boolean;
}

export class Werkers {
  readonly sessies: WerkerSessie[] = [];
  private volgnummer = 0;
  private readonly wachtend = new Map<number, (a: Antwoord | null) => void>();

  private constructor(
    private readonly cdp: CDPSession,
    /** Workers wait for the debugger on start (to start a profile before they run); they are then resumed. */
    private readonly bijStart?: (w: WerkerSessie) => Promise<void>,
  ) {}

  /** Attaches to every worker the page starts from now on. */
  static async volg(cdp: CDPSession, bijStart?: (w: WerkerSessie) => Promise<void>): Promise<Werkers> {
    const w = new Werkers(cdp, bijStart);
    cdp.on('Target.receivedMessageFromTarget', (e) => w.ontvang([e.sessionId], e.message));
    cdp.on('Target.attachedToTarget', (e) => void w.aangekoppeld([], e.sessionId, e.targetInfo.url));
    cdp.on('Target.detachedFromTarget', (e) => w.losgekoppeld([], e.sessionId ?? ''));
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: !!bijStart, flatten: false });
    return w;
  }

  /** Sends a command to a worker; null when it has ended meanwhile. */
  async send(w: WerkerSessie, method: string, params: object = {}): Promise<Record<string, unknown> | null> {
    const id = ++this.volgnummer;
    let bericht = JSON.stringify({ id, method, params });
    for (let i = w.pad.length - 1; i >= 1; i--)
      bericht = JSON.stringify({
        id: ++this.volgnummer,
        method: 'Target.sendMessageToTarget',
        params: { sessionId: w.pad[i], message: bericht },
      });
    // A worker that ends before it answers never answers.
    const antwoord = new Promise<Antwoord | null>((r) => {
      const klok = setTimeout(() => {
        this.wachtend.delete(id);
        r(null);
      }, 10_000);
      this.wachtend.set(id, (a) => {
        clearTimeout(klok);
        r(a);
      });
    });
    try {
      await this.cdp.send('Target.sendMessageToTarget', { sessionId: w.pad[0]!, message: bericht });
    } catch {
      this.wachtend.delete(id);
      return null;
    }
    const a = await antwoord;
    if (!a || a.error) return null;
    return a.result ?? {};
  }

  private ontvang(pad: string[], tekst: string): void {
    const m = JSON.parse(tekst) as {
      id?: number;
      method?: string;
      params?: { sessionId?: string; message?: string; targetInfo?: { url: string } };
    } & Antwoord;
    if (m.id !== undefined) {
      const r = this.wachtend.get(m.id);
      this.wachtend.delete(m.id);
      r?.(m);
    } else if (m.method === 'Target.receivedMessageFromTarget')
      this.ontvang([...pad, m.params!.sessionId!], m.params!.message!);
    else if (m.method === 'Target.attachedToTarget')
      void this.aangekoppeld(pad, m.params!.sessionId!, m.params!.targetInfo!.url);
    else if (m.method === 'Target.detachedFromTarget') this.losgekoppeld(pad, m.params!.sessionId!);
  }

  private async aangekoppeld(pad: string[], sessionId: string, url: string): Promise<void> {
    const w: WerkerSessie = { pad: [...pad, sessionId], url, actief: true };
    this.sessies.push(w);
    // Its own workers too.
    await this.send(w, 'Target.setAutoAttach', {
      autoAttach: true,
      waitForDebuggerOnStart: !!this.bijStart,
      flatten: false,
    });
    if (this.bijStart) await this.bijStart(w);
    await this.send(w, 'Runtime.runIfWaitingForDebugger');
  }

  private losgekoppeld(pad: string[], sessionId: string): void {
    // The worker and the workers it started.
    const n = pad.length;
    for (const w of this.sessies)
      if (w.pad.length > n && w.pad[n] === sessionId && pad.every((p, i) => w.pad[i] === p)) w.actief = false;
  }

  /** The used JS heap of each worker still running, in bytes. */
  async heaps(): Promise<number[]> {
    const uit: number[] = [];
    for (const w of this.sessies.filter((s) => s.actief)) {
      const r = await this.send(w, 'Runtime.getHeapUsage');
      if (r && typeof r.usedSize === 'number') uit.push(r.usedSize);
    }
    return uit;
  }
}
