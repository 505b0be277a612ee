// development plans (src/insights/plans): goals, activities, approval, check-ins, settings.

export const plans = {};
