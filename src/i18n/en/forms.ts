// forms: what every form says (src/ui/forms): the error summary's heading and the field errors any
// form may meet. Errors particular to one capability stay in its own block.

// One formatter per module: constructing an Intl.NumberFormat costs far more than formatting.
const numberFormat = new Intl.NumberFormat("en-CA");
const number = (n: number) => numberFormat.format(n);

export const forms = {
  formErrorSummary: "Please correct the following:",
  formRequired: "This field is required.",
  formTooLong: (n: number) => `Use at most ${number(n)} characters.`,
  formInvalid: "This value is not valid.",
  formChoose: "Choose one of the options.",
  formWholeNumber: "Enter a whole number.",
  formDate: "Enter a date as YYYY-MM-DD.",
  formEmail: "Enter an email address, like name@example.org.",
  formOutdated: "This form is out of date. Reload the page and try again.",
};
