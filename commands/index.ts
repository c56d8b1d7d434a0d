import type { Command } from "../src/discord/command.js";
import { about } from "./about.js";
import { onthisday } from "./onthisday.js";
import { post } from "./post.js";
import { potd } from "./potd.js";
import { random } from "./random.js";
import { saved } from "./saved.js";
import { schedule } from "./schedule.js";
import { search } from "./search.js";

/** The one list of commands: the bot routes to these and `npm run deploy-commands` registers these. */
export const commands: readonly Command[] = [search, random, post, onthisday, saved, potd, about, schedule];
