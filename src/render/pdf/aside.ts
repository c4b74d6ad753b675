import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { BriefkitError } from "../../errors.js";
import { copyableBriefing } from "../../model/copyable.js";
import type { PacketOptions } from "./packet.js";

/** A thread that loads the packet renderer as soon as it starts, then renders the one packet it is given. */
export interface PacketThread {
  render(options: PacketOptions): Promise<Uint8Array>;
  /** Ends the thread when the build stops before it has a packet to give it. */
  stop(): void;
}

type Reply = { bytes: Uint8Array; error?: undefined } | { error: ConstructorParameters<typeof BriefkitError>[0] };

const WORKER = new URL("./worker.js", import.meta.url);

/**
 * Starts a packet thread, so that loading pdfkit and fontkit overlaps with
 * reading the templates and composing on the calling thread. Null when there
 * is no compiled worker (the sources run directly). The thread does not keep
 * the process alive until it is given its packet: a build that stops before
 * needs no clean-up. A packet the thread cannot be handed renders here.
 */
export function startPacketThread(): PacketThread | null {
  if (!existsSync(fileURLToPath(WORKER))) return null;
  const worker = new Worker(WORKER);
  worker.unref();
  return {
    render(options) {
      try {
        worker.postMessage({ ...options, briefing: copyableBriefing(options.briefing) });
      } catch (error) {
        void worker.terminate();
        if ((error as Error).name === "DataCloneError") return renderHere(options);
        throw error;
      }
      worker.ref();
      return new Promise((resolve, reject) => {
        worker.once("message", (reply: Reply) => (reply.error === undefined ? resolve(reply.bytes) : reject(new BriefkitError(reply.error))));
        worker.once("error", reject);
        worker.once("exit", (code) => reject(new Error(`the packet thread stopped (exit code ${code}) before it was done`)));
      });
    },
    stop: () => void worker.terminate(),
  };
}

async function renderHere(options: PacketOptions): Promise<Uint8Array> {
  return (await import("./packet.js")).renderPacket(options);
}
