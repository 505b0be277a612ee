// staff (src/people/staff): the people of an organisation — list, profile, edit form, a manager's
// team, "my organisations", and the store's refusals.

export const staff = {
  staffEmployeeNumberTaken: "Another person in this organisation already has this employee number.",
  staffManagerUnknown: "Choose a manager from this organisation.",
  staffManagerCycle: "This manager reports to this person, directly or not: choose someone else.",
  staffManagerSelf: "A person cannot be their own manager.",
  staffUnitUnknown: "Choose a unit of this organisation.",
  staffAccountTaken: "This account is already linked to another person in this organisation.",
  staffAccountUnknown: "No account has this identifier.",
  staffDateInvalid: "Enter a date as YYYY-MM-DD.",
};
