// rappels et la liste « en attente de vous » (src/assessments/reminders)

import type { Translation } from "../dictionary.ts";
import type { reminders as en } from "../en/reminders.ts";

export const reminders: Translation<typeof en> = {};
