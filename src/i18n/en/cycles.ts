// review cycles (src/assessments/cycles): creating, opening, extending, closing and reopening a cycle; HR's progress page

export const cycles = {};
