// The readiness check (the audit checklist's wizard): its answers, score, workflow spec and the sample
// audit built from them. Pure, shared by the wizard island, the booking page and the operator's email.
export * from './areas.ts'; // the four workflow areas the forms offer, every stored value, their labels
export * from './dates.ts'; // 'YYYY-MM-DD' dates: real or not, days between
export * from './fields.ts'; // the baseline figures and free-text answers, by name (types)
export * from './schema.ts'; // the answers' options, type, schema and empty answers
export * from './messages.ts'; // what the checks say about an answer they cannot take
export * from './labels.ts'; // the wizard's words: option labels, step titles and intros, baseline names
export * from './step-ids.ts'; // the steps' ids
export * from './steps.ts'; // the wizard's steps, in order
export * from './checks.ts'; // the checks before "Next"
export * from './stored.ts'; // the answers the browser saved: its key, reading them back, writing them
export * from './weights.ts'; // the score's figures: points, thresholds, windows, caps
export * from './blockers.ts'; // each gap's title and next step
export * from './result.ts'; // the shape of the result: score, bands, gaps, points table (types)
export * from './score-text.ts'; // band texts, cap reasons, part labels, how the score works
export * from './score.ts'; // the score: one table row per checklist item, a loop over it
export * from './spec.ts'; // the one-page workflow spec: its seven sections
export * from './plan.ts'; // the 30-day plan for each band
export * from './calculator-link.ts'; // the spec's link into the ROI calculator
export * from './markdown.ts'; // the spec as Markdown
export * from './review-template.ts'; // the review 30 days after launch: template and Markdown
export * from './sample-audit.ts'; // the sample audit outcome on invented answers
