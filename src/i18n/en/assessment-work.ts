// self-assessment and manager review (src/assessments/work): ratings, comments, agreement, sign-off, history

export const assessmentWork = {};
