// a manager's team heatmap and the team's ranked gaps (src/insights/team), exports.

export const insightsTeam = {};
