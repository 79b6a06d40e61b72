// The ROI and payback calculator's rules: pure, shared by the calculator island, its page, the booking
// page's summary and the operator's email.
export * from './inputs.ts'; // the inputs' schema, presets, scenarios and the shareable query string
export * from './form.ts'; // the form's typed text parsed into inputs, one message per field
export * from './model.ts'; // inputs in, every figure the page shows out
export * from './finance.ts'; // discounting, NPV and IRR
export * from './format.ts'; // money, hours and percentages in the visitor's locale
export * from './reasons.ts'; // why a workflow never pays back, and the IRR caveat, as sentences
export * from './csv.ts'; // the month-by-month series as CSV
