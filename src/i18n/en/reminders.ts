// reminders and the "waiting for you" list (src/assessments/reminders)

export const reminders = {};
