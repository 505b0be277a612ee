// a person's insights (src/insights/person): their agreed levels against targets, chart and table, change across cycles, exports.

export const insightsPerson = {};
