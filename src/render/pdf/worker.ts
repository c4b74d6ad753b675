import { parentPort } from "node:worker_threads";
import { BriefkitError } from "../../errors.js";
import { renderPacket, type PacketOptions } from "./packet.js";

// The entry of the thread startPacketThread starts: pdfkit and the fonts' code load at once, while
// the calling thread composes; the one packet it is then sent is rendered and handed back without a copy.
parentPort!.once("message", async (options: PacketOptions) => {
  try {
    const bytes = await renderPacket(options);
    parentPort!.postMessage({ bytes }, [bytes.buffer as ArrayBuffer]);
  } catch (error) {
    if (!(error instanceof BriefkitError)) throw error;
    parentPort!.postMessage({ error: { code: error.code, message: error.message, location: error.location, issues: error.issues } });
  }
});
