// The ROI and payback calculator's rules: pure, shared by the calculator island, its page, the booking
// page's summary and the operator's email. One line per module, in reading order.
export * from './fields.ts'; // the workflows' ids, the units, each number's bounds, the shares typed as percentages, the inputs' names
export * from './schema.ts'; // what a valid scenario is: choices, number bounds and the zod schema
export * from './messages.ts'; // what the checks say, each number message written from its bounds
export * from './labels.ts'; // display text: field names, form labels and hints, preset and scenario names
export * from './scenarios.ts'; // the scenarios' names, in table order, and what each one moves
export * from './presets.ts'; // the example workflows, the default inputs and the scenario definitions
export * from './validate.ts'; // one field's text checked on its own
export * from './query.ts'; // the shareable query string: keys, toQuery and fromQuery
export * from './form.ts'; // the form's typed text parsed into inputs, one message per field
export * from './result.ts'; // the shapes of what the model returns: figures and codes, no words
export * from './model.ts'; // inputs in, every figure the page shows out
export * from './finance.ts'; // discounting, NPV and IRR
export * from './format.ts'; // money, hours and percentages in the visitor's locale
export * from './reasons.ts'; // payback, why a workflow never pays back, and the IRR caveat, as words
export * from './csv.ts'; // the month-by-month series as CSV
export * from './examples.ts'; // the example workflows' times and hours given back, as pages quote them
