// the organisation's training priorities, distributions, trends and readiness (src/insights/organisation), exports.

export const insightsOrg = {};
